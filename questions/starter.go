// Package questions holds Parley's built-in question bank and the rules for
// turning it into an interview plan. It is pure: no terminal, no database.
//
// The pieces, and who uses them:
//   - Bank, Filter, Lookup: the merged bank (built-ins plus the user's own)
//     for the bank screen.
//   - UserState: what the store persists; Add, Edit, SetTags, Delete, Hide,
//     Unhide, SaveSet, SetDefault and friends return a new state.
//   - Plan: one interview's ordered questions; Fit, Balanced and
//     StartingPlan size and choose them, Questions hands them to the
//     interview.
//   - Check: gentle hints while a question is typed.
//   - Stats: what past interviews say about each question.
package questions

import "parley/model"

// Starter is the checklist a new interview begins with when the user has
// not prepared one: a balanced pick from the untouched built-in bank for
// the default budget, most important first. It stays for callers that only
// need texts; StartingPlan is the full version that honours the user's bank.
func Starter() []string {
	return Balanced(Bank(UserState{}), model.DefaultBudget).Texts()
}
