package store

import (
	"testing"
	"time"

	"parley/model"
)

// agendaNow is what the first screen computes, read from the store as it
// reads it.
func agendaNow(t *testing.T, s *Store, now time.Time) model.Agenda {
	t.Helper()
	cs, err := s.Contacts()
	if err != nil {
		t.Fatal(err)
	}
	var ivs []model.Interview
	for _, c := range cs {
		got, err := s.Interviews(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		ivs = append(ivs, got...)
	}
	its, err := s.AllInteractions()
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	return model.NextSteps(now, cs, ivs, its, st)
}

// A sent thank-you, logged as the compose screen logs it, takes the
// contact off the "thank-you due" list, and the settings decide the day.
func TestLoggedThankYouClearsTheDueItem(t *testing.T) {
	s, _ := openTemp(t)
	c := sampleContact()
	c.Stage = model.Interviewed
	c, _ = s.PutContact(c)
	iv := model.NewInterview(c.ID, []string{"How did you start?"}, t0)
	iv.Clock.StartedAt, iv.Clock.EndedAt = t0, t0.Add(20*time.Minute)
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}

	ag := agendaNow(t, s, t0.Add(24*time.Hour))
	if len(ag.ThankYouDue) != 1 || ag.ThankYouDue[0].DaysLeft != 6 {
		t.Fatalf("thank-you due = %+v, want one, 6 days left", ag.ThankYouDue)
	}
	if err := s.PutSettings(model.Settings{ThankYouDays: 1}); err != nil {
		t.Fatal(err)
	}
	ag = agendaNow(t, s, t0.Add(48*time.Hour))
	if len(ag.ThankYouDue) != 1 || !ag.ThankYouDue[0].Overdue {
		t.Fatalf("with a 1-day rule, two days on = %+v, want overdue", ag.ThankYouDue)
	}

	d := model.Draft{TemplateID: "thank-you", Purpose: model.PurposeThanks, Subject: "Thank you", Text: "Dear Ana,\n"}
	sent := d.MarkSent(c.ID, model.ChannelLetter, t0.Add(48*time.Hour))
	it := model.Interaction{ContactID: sent.ContactID, Kind: sent.Purpose.InteractionKind(), At: sent.At,
		Channel: string(sent.Channel), Text: sent.Text}
	if _, err := s.AddInteraction(it, true); err != nil {
		t.Fatal(err)
	}
	if ag = agendaNow(t, s, t0.Add(72*time.Hour)); len(ag.ThankYouDue) != 0 {
		t.Errorf("after the thank-you, still due: %+v", ag.ThankYouDue)
	}
	got, _ := s.Contact(c.ID)
	if got.Stage != model.Thanked {
		t.Errorf("stage = %q, want thanked", got.Stage)
	}
	tl, _ := s.Interactions(c.ID)
	if len(tl) != 1 || tl[0].Text != "Subject: Thank you\n\nDear Ana,\n" || tl[0].Channel != "letter" {
		t.Errorf("timeline = %+v", tl)
	}
}

// An unanswered request shows as "no reply" only after the configured
// number of days, and a reminder restarts the wait.
func TestNoReplyFollowsTheSetting(t *testing.T) {
	s, _ := openTemp(t)
	c, _ := s.PutContact(sampleContact())
	if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindRequest, At: t0, Text: "hi"}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSettings(model.Settings{NoReplyDays: 3}); err != nil {
		t.Fatal(err)
	}
	if ag := agendaNow(t, s, t0.Add(3*24*time.Hour)); len(ag.NoReply) != 0 {
		t.Errorf("on day 3 = %+v, want nothing yet", ag.NoReply)
	}
	if ag := agendaNow(t, s, t0.Add(4*24*time.Hour)); len(ag.NoReply) != 1 {
		t.Fatalf("on day 4 = %+v, want one", ag.NoReply)
	}
	reminder := model.Interaction{ContactID: c.ID, Kind: model.PurposeReminder.InteractionKind(),
		At: t0.Add(4 * 24 * time.Hour), Text: "again"}
	if _, err := s.AddInteraction(reminder, true); err != nil {
		t.Fatal(err)
	}
	if ag := agendaNow(t, s, t0.Add(5*24*time.Hour)); len(ag.NoReply) != 0 {
		t.Errorf("the day after a reminder = %+v, want nothing", ag.NoReply)
	}
}
