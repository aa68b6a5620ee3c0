// The typed confirmation that guards disabling an archive: the mailbox address, exactly as written.

/**
 * Only the exact address counts: no trimming, no case folding. Deleting a whole archive deserves the user's
 * deliberate typing, and the provider applies the same rule (anything else → confirmation_required).
 */
export function isExactConfirmation(typed: string, mailbox: string): boolean {
  return typed.length > 0 && typed === mailbox;
}
