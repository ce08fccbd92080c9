package questions

import (
	"strings"
	"testing"
)

func kinds(hs []Hint) map[HintKind]bool {
	m := map[HintKind]bool{}
	for _, h := range hs {
		m[h.Kind] = true
	}
	return m
}

func TestCheckYesNo(t *testing.T) {
	mustTrigger := []string{
		"Do you like your job?",
		"Does the work pay well?",
		"Did you study engineering?",
		"Is it stressful?",
		"Are the hours long?",
		"Was it hard to get started?",
		"Were you nervous at first?",
		"Can people switch into this field later in life?",
		"Could someone without a degree do this?",
		"Would you choose this career again?",
		"Will the field keep growing?",
		"Have you ever thought of leaving?",
		"Has the field changed much?",
		"Should I get a master's degree?",
		"Don't you find the travel tiring?",
		"Isn’t it hard to switch off?", // curly apostrophe
		"So, do you travel a lot?",
		"So do you travel a lot?",
		"And is the pay good?",
		"In your experience, is it worth getting certified?",
		"Honestly, would you recommend it?",
		"I was wondering if the hours are flexible?",
		"I wonder whether this suits introverts?",
		"I read your article on bridges. Did you design the new one?",
		"Do you enjoy it", // still being typed
		"do you",
		"Can I ask you something?",
	}
	mustNot := []string{
		"What do you look for in a new hire?",
		"How did you find your first job?",
		"Why did you choose this field?",
		"Which parts of the work do you enjoy most?",
		"Who do you work with most closely?",
		"So, what does a typical day look like?",
		"In your experience, what makes a good first year?",
		"If you could start again, what would you change?",
		"When you hire, what do you look for?",
		"Looking back, which decision mattered most?",
		"Could you tell me how you got started?",
		"Could you please describe a typical day?",
		"Would you walk me through a recent project?",
		"Would you mind telling me about your training?",
		"May I ask how you made the switch?",
		"Tell me about the hardest part of the job.",
		"Tell me about your week. What surprised you most?",
		"What would you tell someone who is not sure whether to apply?",
		"",
	}
	for _, q := range mustTrigger {
		if !kinds(Check(q))[HintYesNo] {
			t.Errorf("%q should get the yes/no hint", q)
		}
	}
	for _, q := range mustNot {
		if kinds(Check(q))[HintYesNo] {
			t.Errorf("%q should not get the yes/no hint", q)
		}
	}
}

func TestCheckJobAsk(t *testing.T) {
	mustTrigger := []string{
		"Are there any openings?",
		"Are there any openings on your team?",
		"Could you hire me?",
		"Would you consider hiring me?",
		"Would you think about taking me on as an intern?",
		"Can I send you my résumé?",
		"Can I send you my CV?",
		"May I email you my resume?",
		"Could I leave a copy of my résumé with you?",
		"Would you pass my CV to HR?",
		"Would you look over my CV?",
		"Could you take a look at my resume?",
		"Could you keep my CV on file?",
		"Do you have any internships?",
		"Do you offer internships for students?",
		"Does your firm take on interns?",
		"Could I intern with you this summer?",
		"Is your company hiring?",
		"Are you hiring right now?",
		"You're hiring, aren't you?",
		"Any jobs going at your firm?",
		"So, any internships at your company?",
		"Is there an internship for me at your company?",
		"Is there a job for me here?",
		"Is there any room for me on your team?",
		"Is there an opening at the moment?",
		"Would you refer me for the position?",
		"Could you put in a good word for me?",
		"Could you introduce me to your hiring manager?",
		"How can I get a job at your company?",
		"Could I apply for a position with your team?",
		"Do you know anyone who is hiring?",
		"If there were an opening on your team, how would I hear about it?",
		"How would you feel about my sending you my CV?",
		"I'd love to work for you — is that possible?",
		"Could you take me on as an apprentice?",
		"Could you give me a chance?",
		"Internship?",
		"Any jobs?",
	}
	mustNot := []string{
		"What do you look for in a new hire?",
		"How did you find your first job?",
		"What would you tell someone applying for internships in this field?",
		"How do people usually hear about openings in this field?",
		"Where are openings in this field usually advertised?",
		"What roles exist in your organisation, and how do they fit together?",
		"What kinds of positions are there in your company?",
		"Did you have any jobs before this one?",
		"Which internships helped you most?",
		"How did your internship shape your career?",
		"How should I tailor my résumé for this field?",
		"What should a CV in this field show?",
		"What does a résumé that stands out look like to you?",
		"How does hiring work at your company?",
		"When your team hires, what catches your eye?",
		"What is the job market like for new graduates?",
		"What made you take the job at your current company?",
		"How did you get a job at your company?",
		"Could you recommend me a book about the field?",
		"Who else would you suggest I talk to?",
		"What is it like to work with you and your team?",
		"How could someone in my position get hands-on experience?",
		"Do you think there is a place for me in this field?",
		"What does an entry-level role here involve day to day?",
		"What kind of internship would you look for if you were me?",
		"Which skills should I work on before I apply anywhere?",
		"When did you resume working after your leave?",
		"Who's hiring in this field these days?",
		"What positions are open to newcomers in this field?",
	}
	for _, q := range mustTrigger {
		if !kinds(Check(q))[HintJobAsk] {
			t.Errorf("%q should get the job-ask hint", q)
		}
	}
	for _, q := range mustNot {
		if kinds(Check(q))[HintJobAsk] {
			t.Errorf("%q should not get the job-ask hint", q)
		}
	}
}

func TestCheckHintsAreFriendlyAndOrdered(t *testing.T) {
	hs := Check("Do you have any openings?")
	if len(hs) != 2 || hs[0].Kind != HintYesNo || hs[1].Kind != HintJobAsk {
		t.Fatalf("hints %+v, want yes/no then job-ask", hs)
	}
	for _, h := range hs {
		if h.Message == "" || strings.Contains(h.Message, "regexp") || !strings.HasSuffix(h.Message, ".") {
			t.Errorf("message %q should be a plain sentence", h.Message)
		}
	}
	if hs := Check("What is your advice?"); hs != nil {
		t.Errorf("an open question gets %v", hs)
	}
}
