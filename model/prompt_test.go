package model

import (
	"testing"
	"time"
)

func promptInterview(t0 time.Time) Interview {
	iv := NewInterview(1, []string{"first", "second", "third"}, t0)
	iv.Questions[2].MustAsk = true
	iv.Clock = iv.Clock.Start(t0)
	return iv
}

func TestPromptFollowsTheTopLine(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	iv := promptInterview(t0)
	if p := iv.PromptAt(t0.Add(time.Minute)); p != (Prompt{PromptQuestion, 0}) {
		t.Errorf("early: %+v, want the first question", p)
	}
	late := t0.Add(16 * time.Minute)
	if p := iv.PromptAt(late); p != (Prompt{PromptMustAsk, 2}) {
		t.Errorf("five minutes left: %+v, want the must-ask question", p)
	}
	if id := iv.QuestionIDAt(late); id != iv.Questions[2].ID {
		t.Errorf("notes filed under %d, want %d", id, iv.Questions[2].ID)
	}
	iv.TickPrompt(late)
	if !iv.Questions[2].Asked || iv.Questions[0].Asked {
		t.Errorf("ticked the wrong question: %+v", iv.Questions)
	}
	iv.ToggleAsked(0, late)
	iv.ToggleAsked(1, late)
	if p := iv.PromptAt(late); p != (Prompt{PromptClosing, 0}) {
		t.Errorf("all asked: %+v, want the first closing step", p)
	}
	iv.TickPrompt(late)
	if !iv.Closing[0].Asked {
		t.Error("the closing step shown was not ticked")
	}
	over := t0.Add(21 * time.Minute)
	if p := iv.PromptAt(over); p != (Prompt{PromptWrapUp, 1}) {
		t.Errorf("over time: %+v, want to wrap up with step 2", p)
	}
	for i := 1; i < len(iv.Closing); i++ {
		iv.ToggleClosing(i, over)
	}
	if p := iv.PromptAt(over); p != (Prompt{PromptWrapUp, -1}) || iv.TickPrompt(over) {
		t.Errorf("over time, all done: %+v", p)
	}
}

func TestNotHeldOnlyBeforeTheClockRan(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	iv := NewInterview(1, nil, t0)
	if !iv.MarkNotHeld(NoShow) || iv.NotHeld != NoShow {
		t.Fatal("a never-started interview could not be marked not held")
	}
	if _, held := iv.HeldAt(); held {
		t.Error("not held, yet held")
	}
	ran := promptInterview(t0)
	if ran.MarkNotHeld(Cancelled) || ran.NotHeld != "" {
		t.Error("an interview whose clock ran was marked not held")
	}
}

func TestEndAfterDatesAForgottenClock(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	iv := promptInterview(t0)
	iv.EndAfter(22*time.Minute, t0.Add(14*time.Hour), 7)
	if iv.WrapUp.Length != 22*time.Minute || iv.Elapsed(t0.Add(20*time.Hour)) != 22*time.Minute {
		t.Errorf("length = %v, elapsed %v", iv.WrapUp.Length, iv.Elapsed(t0))
	}
	if at, _ := iv.HeldAt(); !at.Equal(t0.Add(22 * time.Minute)) {
		t.Errorf("held at %v, want when it read 22:00", at)
	}
}

func TestParseLength(t *testing.T) {
	for in, want := range map[string]time.Duration{"22:30": 22*time.Minute + 30*time.Second,
		"1:05:00": time.Hour + 5*time.Minute, "25": 25 * time.Minute, "1h5m": 65 * time.Minute} {
		if got, err := ParseLength(in); err != nil || got != want {
			t.Errorf("ParseLength(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "ab:cd", "-5", "25:-1", "99h"} {
		if _, err := ParseLength(in); err == nil {
			t.Errorf("ParseLength(%q) took it", in)
		}
	}
}

func TestSuggestedPeopleStayOnTheAgenda(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	ana := Contact{ID: 1, Name: "Ana", Stage: Interviewed, Created: t0}
	iv := promptInterview(t0)
	iv.ID = 1
	iv.End(t0.Add(20*time.Minute), 7)
	iv.WrapUp.Referrals = []Referral{{Name: "Rita Gomez", Note: "planner at PBOT"}, {Name: "Sam Lee", ContactID: 2}}
	sam := Contact{ID: 2, Name: "Sam Lee", ReferredBy: 1, Stage: ToContact, Created: t0}
	ag := NextSteps(t0.Add(time.Hour), []Contact{ana, sam}, []Interview{iv}, nil, Defaults())
	want := []PendingReferral{{ContactID: 2, ReferredBy: 1}, {ReferredBy: 1, Name: "Rita Gomez", Note: "planner at PBOT"}}
	if len(ag.ReferralsToContact) != 2 || ag.ReferralsToContact[0] != want[0] || ag.ReferralsToContact[1] != want[1] {
		t.Errorf("referrals = %+v, want %+v", ag.ReferralsToContact, want)
	}
	iv.NotHeld = Cancelled // not possible for an ended one, but must not count if it were
	if ag := NextSteps(t0.Add(time.Hour), []Contact{ana}, []Interview{iv}, nil, Defaults()); len(ag.ThankYouDue) != 0 {
		t.Errorf("thank-you due for an interview not held: %+v", ag.ThankYouDue)
	}
}

func TestReferralRoleAndOrganisation(t *testing.T) {
	for note, want := range map[string][2]string{
		"transportation planner at PBOT": {"transportation planner", "PBOT"},
		"data team lead, Acme":           {"data team lead", "Acme"},
		"planner @ PBOT":                 {"planner", "PBOT"},
		"head of data":                   {"head of data", ""},
		"":                               {"", ""},
	} {
		role, org := Referral{Name: "x", Note: note}.RoleAndOrganisation()
		if role != want[0] || org != want[1] {
			t.Errorf("%q = %q, %q; want %q", note, role, org, want)
		}
	}
}
