package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A thank-you date saved in Tokyo showed a day earlier in Los Angeles: a
// date without a time is stored as a date, and old notebooks' timestamps
// keep the day they named.
func TestThankYouDueIsStoredAsADateAndKeepsItsDayInEveryZone(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	la := time.FixedZone("PST", -8*3600)
	w := WrapUp{Takeaways: "x", ThankYouDue: time.Date(2026, 11, 29, 0, 0, 0, 0, tokyo)}
	data, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"thank_you_due":"2026-11-29"`) || !strings.Contains(string(data), `"takeaways":"x"`) {
		t.Errorf("stored as %s", data)
	}
	for _, stored := range []string{string(data), `{"thank_you_due":"2026-11-29T00:00:00+09:00"}`} {
		var back WrapUp
		if err := json.Unmarshal([]byte(stored), &back); err != nil {
			t.Fatal(err)
		}
		if got := back.ThankYouDue.Format(time.DateOnly); got != "2026-11-29" {
			t.Errorf("%s read back as %s", stored, got)
		}
		held := time.Date(2026, 11, 22, 10, 0, 0, 0, la)
		iv := Interview{ID: 1, ContactID: 1, WrapUp: back}
		iv.Clock.StartedAt, iv.Clock.EndedAt = held, held.Add(30*time.Minute)
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, la)
		ag := NextSteps(now, []Contact{{ID: 1, Name: "A", Stage: Interviewed}}, []Interview{iv}, nil, Defaults())
		if len(ag.ThankYouDue) != 1 || ag.ThankYouDue[0].Due.Day() != 29 {
			t.Errorf("%s: due in LA %+v", stored, ag.ThankYouDue)
		}
	}
	var empty WrapUp
	if err := json.Unmarshal([]byte(`{"length":60000000000}`), &empty); err != nil || !empty.ThankYouDue.IsZero() || empty.Length != time.Minute {
		t.Errorf("no due date: %+v %v", empty, err)
	}
	if err := json.Unmarshal([]byte(`{"thank_you_due":"soon"}`), &empty); err == nil {
		t.Error("a due date that is not a date was accepted")
	}
}

func TestThankYouDueBeforeTheInterviewIsRefused(t *testing.T) {
	held := time.Date(2026, 11, 22, 23, 30, 0, 0, time.UTC)
	if p := ThankYouDueProblem(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), held); p == "" {
		t.Error("a day before the interview accepted")
	}
	for _, ok := range []time.Time{time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)} {
		if p := ThankYouDueProblem(ok, held); p != "" {
			t.Errorf("%v refused: %s", ok, p)
		}
	}
}
