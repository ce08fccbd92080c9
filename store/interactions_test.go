package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"parley/model"
)

func TestAddInteractionAdvancesInOneStep(t *testing.T) {
	for _, tc := range []struct {
		name    string
		from    model.Stage
		kind    model.InteractionKind
		advance bool
		want    model.Stage
	}{
		{"request moves a new contact", model.ToContact, model.KindRequest, true, model.RequestSent},
		{"late request never moves back", model.Interviewed, model.KindRequest, true, model.Interviewed},
		{"reply does not move", model.RequestSent, model.KindReply, true, model.RequestSent},
		{"thank-you", model.Interviewed, model.KindThankYou, true, model.Thanked},
		{"advance off", model.Interviewed, model.KindThankYou, false, model.Interviewed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			c := sampleContact()
			c.Stage = tc.from
			c, _ = s.PutContact(c)
			it, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: tc.kind, At: t0, Text: "hi"}, tc.advance)
			if err != nil {
				t.Fatal(err)
			}
			if it.ID == 0 {
				t.Error("no ID given")
			}
			got, _ := s.Contact(c.ID)
			if got.Stage != tc.want {
				t.Errorf("stage = %q, want %q", got.Stage, tc.want)
			}
		})
	}
}

func TestAddInteractionRefusals(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.AddInteraction(model.Interaction{ContactID: 42, Kind: model.KindReply, At: t0}, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown contact: %v", err)
	}
	c, _ := s.PutContact(sampleContact())
	if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: "gossip", At: t0}, true); err == nil {
		t.Error("unknown kind accepted")
	}
	if all, _ := s.AllInteractions(); len(all) != 0 {
		t.Errorf("refused interactions were written: %+v", all)
	}
}

func TestTimelineOrderAndDelete(t *testing.T) {
	s, _ := openTemp(t)
	a, _ := s.PutContact(sampleContact())
	b, _ := s.PutContact(model.Contact{Name: "Bo"})
	late, _ := s.AddInteraction(model.Interaction{ContactID: a.ID, Kind: model.KindReply, At: t0.Add(48 * time.Hour)}, true)
	early, _ := s.AddInteraction(model.Interaction{ContactID: a.ID, Kind: model.KindRequest, At: t0}, true)
	s.AddInteraction(model.Interaction{ContactID: b.ID, Kind: model.KindCall, At: t0}, true)
	tl, err := s.Interactions(a.ID)
	if err != nil || len(tl) != 2 || tl[0].ID != early.ID || tl[1].ID != late.ID {
		t.Fatalf("timeline = %+v, %v", tl, err)
	}
	if all, _ := s.AllInteractions(); len(all) != 3 {
		t.Errorf("all = %d entries", len(all))
	}
	if err := s.DeleteInteraction(early.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteInteraction(early.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if tl, _ := s.Interactions(a.ID); len(tl) != 1 {
		t.Errorf("after delete: %+v", tl)
	}
}

func TestDeleteContactCascadesToTimelineAndReferrals(t *testing.T) {
	s, _ := openTemp(t)
	a, _ := s.PutContact(sampleContact())
	ref := model.Contact{Name: "Referred", ReferredBy: a.ID}
	ref, err := s.PutContact(ref)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := s.PutContact(model.Contact{Name: "Other"})
	s.AddInteraction(model.Interaction{ContactID: a.ID, Kind: model.KindRequest, At: t0}, true)
	keep, _ := s.AddInteraction(model.Interaction{ContactID: other.ID, Kind: model.KindRequest, At: t0}, true)
	if err := s.DeleteContact(a.ID); err != nil {
		t.Fatal(err)
	}
	all, _ := s.AllInteractions()
	if len(all) != 1 || all[0].ID != keep.ID {
		t.Errorf("timeline after delete = %+v", all)
	}
	got, err := s.Contact(ref.ID)
	if err != nil || got.ReferredBy != 0 || got.Name != "Referred" || got.ReferrerName != a.Name || a.Name == "" {
		t.Errorf("referred contact = %+v, %v; want kept, the referrer %q kept as text", got, err, a.Name)
	}
}

func TestReferrerMustExist(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.PutContact(model.Contact{Name: "X", ReferredBy: 7}); !errors.Is(err, ErrNotFound) {
		t.Errorf("dangling referral: %v", err)
	}
}

func TestSettingsDefaultAndRoundTrip(t *testing.T) {
	s, path := openTemp(t)
	got, err := s.Settings()
	if err != nil || got != model.Defaults() {
		t.Fatalf("fresh settings = %+v, %v", got, err)
	}
	if err := s.PutSettings(model.Settings{ThankYouDays: 3, NoReplyDays: 0, KeepInTouchDays: 30, WeeklyGoal: 4}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, _ = s2.Settings()
	if want := (model.Settings{ThankYouDays: 3, NoReplyDays: 7, KeepInTouchDays: 30, WeeklyGoal: 4}); got != want {
		t.Errorf("settings = %+v, want %+v", got, want)
	}
}

func TestScheduleInterviewSetsBudgetAndStage(t *testing.T) {
	s, _ := openTemp(t)
	c := sampleContact()
	c.Stage = model.RequestSent
	c, _ = s.PutContact(c)
	sch := model.Schedule{At: t0.Add(72 * time.Hour), Mode: model.ModeVideo, Place: "meet.example.org/abc", Length: 15 * time.Minute}
	iv, err := s.ScheduleInterview(model.NewInterview(c.ID, []string{"Q"}, t0), sch)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Interview(iv.ID)
	if stored.Budget != 15*time.Minute || stored.Scheduled == nil || !stored.Scheduled.At.Equal(sch.At) {
		t.Errorf("interview = %+v", stored)
	}
	if got, _ := s.Contact(c.ID); got.Stage != model.Scheduled {
		t.Errorf("stage = %q", got.Stage)
	}
	// Rescheduling a stale copy keeps the stored notes.
	stored.Notes = []model.Note{{Text: "newer"}}
	if _, err := s.PutInterview(stored); err != nil {
		t.Fatal(err)
	}
	sch.Length = 30 * time.Minute
	again, err := s.ScheduleInterview(iv, sch)
	if err != nil || len(again.Notes) != 1 || again.Budget != 30*time.Minute {
		t.Errorf("reschedule = %+v, %v", again, err)
	}
	if _, err := s.ScheduleInterview(iv, model.Schedule{}); err == nil {
		t.Error("empty schedule accepted")
	}
}

func TestExportHasTimeline(t *testing.T) {
	s, _ := openTemp(t)
	c, _ := s.PutContact(sampleContact())
	s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindThankYou, At: t0, Text: "Thank you!"}, true)
	nb, err := s.Snapshot()
	if err != nil || len(nb.Interactions) != 1 || nb.Interactions[0].Text != "Thank you!" {
		t.Errorf("snapshot interactions = %+v, %v", nb.Interactions, err)
	}
}

// A stage the store moves on its own marks the contact changed at that
// moment — not at the entry's date, which may be earlier — so a merge of
// two notebooks (newest change wins) sees the move.
func TestStoreMovesStampTheContactChanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	changed := time.Date(2026, 11, 29, 22, 0, 0, 0, time.UTC)
	s, err := Open(path, WithClock(func() time.Time { return changed }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := sampleContact()
	c.Updated = t0
	c, _ = s.PutContact(c)
	// A request dated the week before: the stage moves now.
	if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindRequest, At: t0.AddDate(0, 0, -7), Text: "hi"}, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Contact(c.ID); !got.Updated.Equal(changed) || got.Stage != model.RequestSent {
		t.Errorf("after a back-dated request: %s, updated %v; want request sent, %v", got.Stage, got.Updated, changed)
	}
	changed = changed.Add(time.Hour)
	iv := model.NewInterview(c.ID, nil, t0)
	if _, err := s.ScheduleInterview(iv, model.Schedule{At: t0.AddDate(0, 0, 3), Mode: model.ModeVideo}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Contact(c.ID); !got.Updated.Equal(changed) || got.Stage != model.Scheduled {
		t.Errorf("after scheduling: %s, updated %v; want scheduled, %v", got.Stage, got.Updated, changed)
	}
}
