import { z } from 'zod';

// Partial wire schemas: only what the client reads, extensible enums kept as strings.

/** @internal `CreatedMessage`, answer of `POST /messages`. */
export const CreatedMessageWireSchema = z.object({ id: z.string().min(1) });

/** @internal `LimitedProfile`, answer of `POST /profiles`. */
export const LimitedProfileWireSchema = z.object({
  sender_allowed: z.boolean(),
  preferred_languages: z.array(z.string()).optional(),
});

/** @internal `ExternalMessageResponseWithContent`, answer of `GET /messages/{fiscal_code}/{id}`. */
export const MessageResponseWireSchema = z.object({
  message: z.object({
    id: z.string().min(1),
    created_at: z.string().optional(),
    feature_level_type: z.string().optional(),
  }),
  status: z.string().optional(),
  notification: z.object({ email: z.string().optional(), webhook: z.string().optional() }).optional(),
  read_status: z.string().optional(),
  payment_status: z.string().optional(),
});

/** @internal `SubscriptionsFeed`, answer of `GET /subscriptions-feed/{date}`. */
export const SubscriptionsFeedWireSchema = z.object({
  dateUTC: z.string(),
  subscriptions: z.array(z.string()),
  unsubscriptions: z.array(z.string()),
});

/** @internal A problem body (`ProblemJson`) or an API gateway error body. */
export const ProblemWireSchema = z.object({
  title: z.string().optional().catch(undefined),
  status: z.number().optional().catch(undefined),
  detail: z.string().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
  // Azure API Management's own bodies: {"statusCode": 404, "message": "Resource not found"}.
  statusCode: z.number().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
});
