package questions

// builtins is the bank shipped with Parley, written for Parley. Rules for
// editing it, because users' notebooks refer to these IDs:
//   - never change an ID or reuse one, even after deleting its question;
//   - add new questions with the next free number of their theme;
//   - rewording is fine (users who edited a question keep their wording);
//   - within a theme, order is priority: a balanced plan takes the first
//     fitting question of each theme.
//
// Every question is open-ended (the tests run Check over all of them).
var builtins = []Question{
	// Their path and motivation.
	{ID: "path-01", Theme: ThemePath, Kind: Reflective, Text: "How did you end up in the work you do today?"},
	{ID: "path-02", Theme: ThemePath, Kind: Reflective, Text: "What first drew you to this field, and what has kept you in it?"},
	{ID: "path-03", Theme: ThemePath, Kind: Practical, Text: "What jobs did you hold before this one, and how did each lead to the next?"},
	{ID: "path-04", Theme: ThemePath, Kind: Reflective, Text: "Looking back, which turning point in your career mattered most?"},
	{ID: "path-05", Theme: ThemePath, Kind: Reflective, Text: "What surprised you once you were actually doing this work?"},
	{ID: "path-06", Theme: ThemePath, Kind: Practical, Text: "How long did it take to get from your first role in the field to where you are now?"},
	{ID: "path-07", Theme: ThemePath, Kind: Reflective, Text: "If you were choosing again today, what would you do differently?"},

	// The daily work, its challenges and decisions.
	{ID: "work-01", Theme: ThemeWork, Kind: Practical, Text: "What does a typical week look like for you?"},
	{ID: "work-02", Theme: ThemeWork, Kind: Reflective, Text: "Which part of your work gives you the most satisfaction?"},
	{ID: "work-03", Theme: ThemeWork, Kind: Practical, Text: "How is your time split between meetings, focused work and everything else?"},
	{ID: "work-04", Theme: ThemeWork, Kind: Reflective, Text: "Which parts of the job wear you down, and how do you deal with them?"},
	{ID: "work-05", Theme: ThemeWork, Kind: Practical, Text: "What kinds of problems land on your desk, and how do you work through them?"},
	{ID: "work-06", Theme: ThemeWork, Kind: Practical, Text: "Which decisions are yours to make, and which do you share or pass up the line?"},
	{ID: "work-07", Theme: ThemeWork, Kind: Practical, Text: "Who do you work with most closely, inside and outside your organisation?"},
	{ID: "work-08", Theme: ThemeWork, Kind: Reflective, Text: "What about this job do people outside the field rarely understand?"},
	{ID: "work-09", Theme: ThemeWork, Kind: Practical, Text: "How is success measured in a role like yours?"},

	// Education, training and certifications.
	{ID: "education-01", Theme: ThemeEducation, Kind: Practical, Text: "What education or training did you need for your first position in this field?"},
	{ID: "education-02", Theme: ThemeEducation, Kind: Reflective, Text: "Which parts of your studies turned out most useful, and which least?"},
	{ID: "education-03", Theme: ThemeEducation, Kind: Practical, Text: "Which certifications or licences actually carry weight with employers here?"},
	{ID: "education-04", Theme: ThemeEducation, Kind: Practical, Text: "How do people in this field keep their skills current?"},
	{ID: "education-05", Theme: ThemeEducation, Kind: Reflective, Text: "What experience outside the classroom prepared you best for this work?"},
	{ID: "education-06", Theme: ThemeEducation, Kind: Practical, Text: "How much does the choice of school or programme matter compared with hands-on experience?"},

	// Skills and qualities valued in new hires.
	{ID: "skills-01", Theme: ThemeSkills, Kind: Practical, Text: "Which skills does someone need on day one, and which can be picked up on the job?"},
	{ID: "skills-02", Theme: ThemeSkills, Kind: Reflective, Text: "What personal qualities set apart the people who thrive here?"},
	{ID: "skills-03", Theme: ThemeSkills, Kind: Practical, Text: "When someone new joins, what tells you early on that they will do well?"},
	{ID: "skills-04", Theme: ThemeSkills, Kind: Practical, Text: "Which tools or technical skills should a newcomer learn first?"},
	{ID: "skills-05", Theme: ThemeSkills, Kind: Reflective, Text: "What mistakes do people new to this field tend to make?"},
	{ID: "skills-06", Theme: ThemeSkills, Kind: Practical, Text: "What kind of experience makes an entry-level candidate stand out in this field?"},

	// The field's trends and opportunities.
	{ID: "trends-01", Theme: ThemeTrends, Kind: Reflective, Text: "How has this field changed since you started?"},
	{ID: "trends-02", Theme: ThemeTrends, Kind: Practical, Text: "Where do you expect the most growth over the next five years?"},
	{ID: "trends-03", Theme: ThemeTrends, Kind: Practical, Text: "What new technologies or regulations are reshaping the work?"},
	{ID: "trends-04", Theme: ThemeTrends, Kind: Reflective, Text: "What worries you about the direction the field is taking?"},
	{ID: "trends-05", Theme: ThemeTrends, Kind: Practical, Text: "Which specialties or niches are in demand right now?"},
	{ID: "trends-06", Theme: ThemeTrends, Kind: Reflective, Text: "What opportunities do you think newcomers tend to overlook?"},
	{ID: "trends-07", Theme: ThemeTrends, Kind: Practical, Text: "How does the work differ between regions or kinds of employer?"},

	// Advice for someone starting.
	{ID: "advice-01", Theme: ThemeAdvice, Kind: Reflective, Text: "What do you wish someone had told you when you were starting out?"},
	{ID: "advice-02", Theme: ThemeAdvice, Kind: Practical, Text: "If you were in my position, what would your next step be?"},
	{ID: "advice-03", Theme: ThemeAdvice, Kind: Practical, Text: "Which professional groups, events or publications would you suggest I follow?"},
	{ID: "advice-04", Theme: ThemeAdvice, Kind: Reflective, Text: "What should I think hard about before committing to this path?"},
	{ID: "advice-05", Theme: ThemeAdvice, Kind: Practical, Text: "How could someone in my position get hands-on experience in this area?"},
	{ID: "advice-06", Theme: ThemeAdvice, Kind: Reflective, Text: "From what you know of my background, where might I fit in this field?"},
	{ID: "advice-07", Theme: ThemeAdvice, Kind: Reflective, Text: "What would you tell your younger self on the first day in this field?"},

	// Closing: referrals, permission to use their name, keeping in touch.
	{ID: "closing-01", Theme: ThemeClosing, Kind: Reflective, Text: "What haven't I asked that you think I should have?"},
	{ID: "closing-02", Theme: ThemeClosing, Kind: Practical, Text: "Who else would you suggest I talk to as I keep exploring this field?"},
	{ID: "closing-03", Theme: ThemeClosing, Kind: Practical, Text: "When I get in touch with them, how would you feel about my mentioning your name?"},
	{ID: "closing-04", Theme: ThemeClosing, Kind: Practical, Text: "If more questions come up later, what's the best way to reach you again?"},
}

// BuiltIns returns a copy of the bank shipped with this version of Parley,
// without the user's edits. Most callers want Bank instead.
func BuiltIns() []Question {
	out := make([]Question, len(builtins))
	for i, q := range builtins {
		q.BuiltIn = true
		out[i] = q.clone()
	}
	return out
}
