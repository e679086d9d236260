import { type TActor, userActor } from "../audit";
import type { TApiCaller } from "../data/api-tokens";

/** Who acts in an API call, for the data functions: the token's creator, through the token. */
export const apiBy = (caller: TApiCaller): { actorId: string; actorLabel: string } => ({
  actorId: caller.actorId,
  actorLabel: `API token ${caller.tokenName}`,
});

/** The audit log's actor for an API call: the token's creator, labelled with the token. */
export const apiActor = (caller: TApiCaller): TActor => {
  const { actorId, actorLabel } = apiBy(caller);
  return userActor(actorId, actorLabel);
};
