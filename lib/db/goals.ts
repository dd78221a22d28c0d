/** Team goals (OKRs) in the DB. Written by the background only (`goalSave`, `goalDelete`). */
import { GoalSchema, type Goal } from '../schemas/review';
import type { ReplylineDb } from './db';

/** Saves a goal; `createdAt` of an existing one is kept, `updatedAt` moves on (the merge rule). */
export async function saveGoal(db: ReplylineDb, input: unknown, now = Date.now()): Promise<Goal> {
  const draft = GoalSchema.parse(input);
  return db.transaction('rw', db.goals, async () => {
    const existing = await db.goals.get(draft.id);
    // updatedAt must grow even within one millisecond, or a re-import could win over this edit.
    const updatedAt = Math.max(now, (existing?.updatedAt ?? 0) + 1);
    const goal = GoalSchema.parse({ ...draft, createdAt: existing?.createdAt ?? draft.createdAt, updatedAt });
    await db.goals.put(goal);
    return goal;
  });
}

export async function deleteGoal(db: ReplylineDb, id: string): Promise<void> {
  await db.goals.delete(id);
}

export function listGoals(db: ReplylineDb): Promise<Goal[]> {
  return db.goals.toArray().then((goals) => goals.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)));
}
