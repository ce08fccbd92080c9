package store

import (
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

// twoContacts saves two contacts, each with an interview with notes and a
// timeline entry with text, and returns them with their interviews.
func twoContacts(t *testing.T, s *Store) (a, b model.Contact, ivA, ivB model.Interview) {
	t.Helper()
	var err error
	if a, err = s.PutContact(model.Contact{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	if b, err = s.PutContact(model.Contact{Name: "Ben", ReferredBy: a.ID}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []model.Contact{a, b} {
		iv := model.NewInterview(c.ID, []string{"Q one", "Q two"}, t0)
		iv.Questions[0].BankID = "path-1"
		iv.Questions[1].Asked = true
		iv.Notes = []model.Note{{Text: "free note", Starred: true}, {QuestionID: 2, Text: "under two", Starred: true},
			{QuestionID: 2, Text: "again under two", Starred: true}, {QuestionID: 1, Text: c.Name + " said so"}}
		saved, err := s.PutInterview(iv)
		if err != nil {
			t.Fatal(err)
		}
		if c.ID == a.ID {
			ivA = saved
		} else {
			ivB = saved
		}
		if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindRequest, At: t0,
			Text: "Dear " + c.Name}, true); err != nil {
			t.Fatal(err)
		}
	}
	return a, b, ivA, ivB
}

func TestHeadersCarryNoNotesAndSavingOneKeepsThem(t *testing.T) {
	s, _ := openTemp(t)
	a, _, ivA, _ := twoContacts(t, s)
	headers, err := s.InterviewHeaders()
	if err != nil || len(headers) != 2 {
		t.Fatalf("InterviewHeaders = %d, %v", len(headers), err)
	}
	for _, h := range headers {
		if h.Notes != nil || len(h.Questions) != 2 {
			t.Errorf("header %d: notes %v, %d questions", h.ID, h.Notes, len(h.Questions))
		}
	}
	h := headers[0]
	h.WrapUp.Takeaways = "keep going"
	h.Rev++
	if _, err := s.PutInterview(h); err != nil {
		t.Fatal(err)
	}
	got, err := s.Interview(ivA.ID)
	if err != nil || !reflect.DeepEqual(got.Notes, ivA.Notes) || got.WrapUp.Takeaways != "keep going" {
		t.Errorf("after saving a header: %+v, %v", got, err)
	}
	// An empty, non-nil list is the user deleting every note.
	got.Notes = []model.Note{}
	got.Rev++
	if _, err := s.PutInterview(got); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Interview(ivA.ID); len(got.Notes) != 0 {
		t.Errorf("notes not cleared: %+v", got.Notes)
	}
	mine, err := s.ContactInterviewHeaders(a.ID)
	if err != nil || len(mine) != 1 || mine[0].ID != ivA.ID || mine[0].Notes != nil {
		t.Errorf("ContactInterviewHeaders = %+v, %v", mine, err)
	}
}

func TestQuestionStatsMatchStatsOverWholeInterviews(t *testing.T) {
	s, _ := openTemp(t)
	_, _, ivA, _ := twoContacts(t, s)
	all, err := s.AllInterviews()
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.QuestionStats()
	want := questions.Stats(all)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("QuestionStats = %v, %v; want %v", got, err, want)
	}
	if want["text:q two"].Starred != 2 {
		t.Errorf("test does not exercise starred notes: %v", want)
	}
	// Unstarring the notes must reach the statistics.
	ivA.Notes = []model.Note{{QuestionID: 2, Text: "plain"}}
	ivA.Rev++
	if _, err := s.PutInterview(ivA); err != nil {
		t.Fatal(err)
	}
	all, _ = s.AllInterviews()
	if got, _ := s.QuestionStats(); !reflect.DeepEqual(got, questions.Stats(all)) || got["text:q two"].Starred != 1 {
		t.Errorf("after unstarring: %v", got)
	}
}

func TestContactReadsAndDeletesGoThroughTheIndex(t *testing.T) {
	s, _ := openTemp(t)
	a, b, ivA, ivB := twoContacts(t, s)
	if ivs, err := s.Interviews(b.ID); err != nil || len(ivs) != 1 || !reflect.DeepEqual(ivs[0], ivB) {
		t.Errorf("Interviews(b) = %+v, %v", ivs, err)
	}
	if its, err := s.Interactions(a.ID); err != nil || len(its) != 1 || its[0].Text != "Dear Ana" {
		t.Errorf("Interactions(a) = %+v, %v", its, err)
	}
	if err := s.DeleteContact(a.ID); err != nil {
		t.Fatal(err)
	}
	if ben, _ := s.Contact(b.ID); ben.ReferredBy != 0 {
		t.Errorf("referral not cleared: %+v", ben)
	}
	if _, err := s.Interview(ivA.ID); err == nil {
		t.Errorf("deleted contact's interview still there")
	}
	// Nothing of Ana's is left in any bucket; Ben's records all are.
	counts := bucketSizes(t, s)
	want := map[string]int{"interviews": 1, "interview-notes": 1, "contact-interviews": 1,
		"interactions": 1, "interaction-texts": 1, "contact-interactions": 1}
	for name, n := range want {
		if counts[name] != n {
			t.Errorf("%s holds %d records, want %d", name, counts[name], n)
		}
	}
	its, _ := s.Interactions(b.ID)
	if err := s.DeleteInteraction(its[0].ID); err != nil {
		t.Fatal(err)
	}
	counts = bucketSizes(t, s)
	for _, name := range []string{"interactions", "interaction-texts", "contact-interactions"} {
		if counts[name] != 0 {
			t.Errorf("%s holds %d records after deleting the entry", name, counts[name])
		}
	}
}

func bucketSizes(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			out[string(name)] = b.Stats().KeyN
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOverviewHoldsNoNotesOrTexts(t *testing.T) {
	s, _ := openTemp(t)
	twoContacts(t, s)
	if err := s.PutSettings(model.Settings{ThankYouDays: 2}); err != nil {
		t.Fatal(err)
	}
	ov, err := s.Overview()
	if err != nil || len(ov.Contacts) != 2 || len(ov.Interviews) != 2 || len(ov.Interactions) != 2 {
		t.Fatalf("Overview = %+v, %v", ov, err)
	}
	for _, iv := range ov.Interviews {
		if iv.Notes != nil {
			t.Errorf("interview %d carries notes", iv.ID)
		}
	}
	for _, it := range ov.Interactions {
		if it.Text != "" || it.Kind != model.KindRequest || !it.At.Equal(t0) {
			t.Errorf("entry %+v", it)
		}
	}
	if ov.Settings.ThankYouDays != 2 || ov.Settings.NoReplyDays != model.Defaults().NoReplyDays {
		t.Errorf("settings = %+v", ov.Settings)
	}
}

func TestSchedulingKeepsNotes(t *testing.T) {
	s, _ := openTemp(t)
	_, _, ivA, _ := twoContacts(t, s)
	stale := ivA
	stale.Notes = nil
	saved, err := s.ScheduleInterview(stale, model.Schedule{At: t0.Add(48 * time.Hour), Mode: model.ModePhone})
	if err != nil || !reflect.DeepEqual(saved.Notes, ivA.Notes) {
		t.Fatalf("ScheduleInterview = %+v, %v", saved, err)
	}
	if got, _ := s.Interview(ivA.ID); !reflect.DeepEqual(got.Notes, ivA.Notes) || got.Scheduled == nil {
		t.Errorf("after scheduling: %+v", got)
	}
}
