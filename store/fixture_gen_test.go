package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"parley/model"
	"parley/questions"
)

// TestWriteSchema1Fixture writes testdata/schema1.db with this (schema 1)
// version of the store. It runs only when asked, and is deleted once the
// fixture is committed.
func TestWriteSchema1Fixture(t *testing.T) {
	if os.Getenv("PARLEY_WRITE_FIXTURE") == "" {
		t.Skip("set PARLEY_WRITE_FIXTURE=1 to write the fixture")
	}
	path := filepath.Join("testdata", "schema1.db")
	os.Remove(path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	base := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	ana, err := s.PutContact(model.Contact{Name: "Ana Lima", Role: "Urban planner", Organisation: "City of Leeds",
		Field: "planning", CareerStage: model.MidCareer, Email: "ana@example.org", Tags: []string{"planning", "public"},
		Notes: "Met at the transport talk.\nWrote the cycle-lane report.", Stage: model.Thanked,
		MayMentionName: true, MayContactAgain: true, FoundVia: model.FoundProfessor, Created: base, Updated: base.Add(72 * time.Hour)})
	must(err)
	ben, err := s.PutContact(model.Contact{Name: "Ben Okafor", Role: "Engineer", Organisation: "Arup", ReferredBy: ana.ID,
		FoundVia: model.FoundReferral, Stage: model.Scheduled, CareerStage: model.EarlyCareer, Created: base.Add(96 * time.Hour), Updated: base.Add(100 * time.Hour)})
	must(err)
	_, err = s.PutContact(model.Contact{Name: "Chloé Dubois — 東京", Organisation: "Transport for London", Stage: model.ToContact,
		Phone: "+44 20 7946 0000", Created: base.Add(120 * time.Hour), Updated: base.Add(120 * time.Hour)})
	must(err)

	held := model.NewInterview(ana.ID, []string{"How did you get into planning?", "What does a normal week look like?", "Who else should I talk to?"}, base.Add(24*time.Hour))
	held.Questions[0].BankID = "path-into-field"
	held.Questions[0].Asked, held.Questions[0].AskedAt = true, 2*time.Minute
	held.Questions[1].Asked, held.Questions[1].Starred = true, true
	held.Questions[2].Skipped = true
	held.Questions[1].MustAsk = true
	held.CurrentID = 3
	start := base.Add(48 * time.Hour)
	held.Clock = model.Clock{Accumulated: 21 * time.Minute, StartedAt: start, EndedAt: start.Add(22 * time.Minute)}
	held.Notes = []model.Note{
		{At: 30 * time.Second, Text: "Arrived early; she had the report printed."},
		{At: 3 * time.Minute, QuestionID: 1, Text: "Geography degree, then a graduate scheme.\nSecond line of the same paragraph.", Starred: true},
		{At: 12 * time.Minute, QuestionID: 2, Text: "Mostly meetings — consultations on Tuesdays."},
	}
	held.Closing[0].Asked = true
	held.WrapUp = model.WrapUp{Length: 22 * time.Minute, Takeaways: "Apply for the graduate scheme in autumn.",
		Referrals: []model.Referral{{Name: "Ben Okafor", Note: "works on bridges", MayUseName: true, ContactID: ben.ID}},
		ThankYouDue: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)}
	held.Rev = 7
	held, err = s.PutInterview(held)
	must(err)

	planned := model.NewInterview(ben.ID, []string{"What do you wish you had known?"}, base.Add(100*time.Hour))
	planned, err = s.PutInterview(planned)
	must(err)
	_, err = s.ScheduleInterview(planned, model.Schedule{At: base.Add(14 * 24 * time.Hour), Mode: model.ModeVideo,
		Place: "https://meet.example.org/ben", Length: 30 * time.Minute})
	must(err)

	for _, it := range []model.Interaction{
		{ContactID: ana.ID, Kind: model.KindRequest, At: base.Add(time.Hour), Channel: "email", Text: "Dear Ana,\nWould you have 20 minutes?"},
		{ContactID: ana.ID, Kind: model.KindReply, At: base.Add(20 * time.Hour), Channel: "email", Text: "Happy to."},
		{ContactID: ana.ID, Kind: model.KindInterview, At: start},
		{ContactID: ana.ID, Kind: model.KindThankYou, At: base.Add(72 * time.Hour), Channel: "email", Text: "Thank you for your time."},
		{ContactID: ben.ID, Kind: model.KindNote, At: base.Add(97 * time.Hour), Text: "Ana says he is friendly."},
		{ContactID: ben.ID, Kind: model.KindRequest, At: base.Add(98 * time.Hour), Channel: "LinkedIn"},
	} {
		_, err = s.AddInteraction(it, false)
		must(err)
	}
	must(s.PutSettings(model.Settings{ThankYouDays: 3, NoReplyDays: 10, KeepInTouchDays: 60}))
	_, err = s.PutProfile(model.Profile{Name: "Sam", Intro: "I study civil engineering.", Exploring: "urban planning", Contact: "sam@example.org"})
	must(err)
	_, err = s.PutTemplate(model.TemplateDoc{Name: "Short ask", Subject: "Quick question", Body: "Hello,\nAre you free for a chat?", Channel: model.ChannelEmail})
	must(err)

	var st questions.UserState
	st, _, err = st.Add("What would you do differently?", questions.ThemePath, questions.Reflective, []string{"mine"})
	must(err)
	st, err = st.SaveSet(questions.Plan{Name: "First calls", Items: []questions.Item{{BankID: st.Own[0].ID, Text: st.Own[0].Text, MustAsk: true}, {Text: "A one-off"}}})
	must(err)
	st, err = st.SetDefault("First calls")
	must(err)
	must(s.PutQuestionBank(st))
}
