/** @internal Fixed Italian texts of the notice (pagoPA guide v3, strings file 3.2). */
export const TEXTS = Object.freeze({
  disclaimer:
    "In fase di pagamento, se previsto dall'ente, l'importo potrebbe essere aggiornato automaticamente e subire variazioni in diminuzione (per sgravi, note di credito) o in aumento (per sanzioni, interessi, ecc.).",
  appTitle: "PAGA CON L'APP IO",
  app: "oppure sul sito dell'ente, dal tuo Home Banking, con la tua app di pagamento o con gli altri canali abilitati.",
  territoryTitle: 'PAGA SUL TERRITORIO',
  territory:
    'presso Banche e Sportelli ATM, negli Uffici Postali e Punti Postali, nei Bar, Edicole, Ricevitorie, Supermercati, Tabaccherie e altri Esercenti Convenzionati.',
  postal:
    "Bollettino Postale pagabile in tutti gli Uffici Postali e sui canali fisici o digitali abilitati di Poste Italiane e dell'Ente Creditore",
});
