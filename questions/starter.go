// Package questions holds Parley's built-in question bank and the rules for
// turning it into an interview plan. It is pure: no terminal, no database.
package questions

// Starter is the checklist a new interview begins with when the user has
// not prepared one: open questions, most important first.
func Starter() []string {
	return []string{
		"How did you come to be doing the work you do now?",
		"What does an ordinary week look like for you?",
		"Which parts of the job do you find most rewarding, and which the hardest?",
		"What skills or qualities make someone good at this work?",
		"What training or experience prepared you best, and what would you skip?",
		"How is your field changing, and where do you see openings?",
		"What would you tell someone trying to get started in this field?",
		"Who else would you suggest I talk to?",
	}
}
