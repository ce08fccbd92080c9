package store

import (
	"math/rand/v2"
	"reflect"
	"strconv"
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
	a, b, ivA, _ := twoContacts(t, s)
	headers, err := s.InterviewHeaders()
	if err != nil || len(headers) != 2 {
		t.Fatalf("InterviewHeaders = %d, %v", len(headers), err)
	}
	for _, h := range headers {
		if h.Notes != nil || h.Questions != nil || h.Closing != nil || h.Created.IsZero() {
			t.Errorf("header %+v", h)
		}
	}
	h := headers[0]
	h.WrapUp.Takeaways = "keep going"
	if _, err := s.PutInterview(h); err != nil {
		t.Fatal(err)
	}
	got, err := s.Interview(ivA.ID)
	if err != nil || !reflect.DeepEqual(got.Notes, ivA.Notes) || !reflect.DeepEqual(got.Questions, ivA.Questions) ||
		!reflect.DeepEqual(got.Closing, ivA.Closing) || got.WrapUp.Takeaways != "keep going" {
		t.Errorf("after saving a header: %+v, %v", got, err)
	}
	// An empty, non-nil list is the user deleting every note.
	got.Notes = []model.Note{}
	got, err = s.PutInterview(got) // the store moves Rev; later saves build on this one
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Interview(ivA.ID); len(got.Notes) != 0 {
		t.Errorf("notes not cleared: %+v", got.Notes)
	}
	moved := got
	moved.ContactID = b.ID
	if moved, err = s.PutInterview(moved); err != nil {
		t.Fatal(err)
	}
	if ivs, _ := s.Interviews(a.ID); len(ivs) != 0 {
		t.Errorf("an interview moved to another contact is still listed under the first: %+v", ivs)
	}
	moved.ContactID = a.ID
	if _, err := s.PutInterview(moved); err != nil {
		t.Fatal(err)
	}
	mine, err := s.InterviewsWithoutNotes(a.ID)
	if err != nil || len(mine) != 1 || mine[0].ID != ivA.ID || mine[0].Notes != nil || len(mine[0].Questions) != 2 {
		t.Errorf("InterviewsWithoutNotes = %+v, %v", mine, err)
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

// The kept statistics must always equal questions.Stats over the whole
// interviews, whatever sequence of saves, header saves, schedules,
// deletions and batches got them there.
func TestKeptStatsFollowEveryChange(t *testing.T) {
	s, _ := openTemp(t)
	r := rand.New(rand.NewPCG(1, 2))
	texts := []string{"Path?", "A week?", "Advice?", "Skills?", "Who else?"}
	var contacts []uint64
	check := func(step string) {
		t.Helper()
		all, err := s.AllInterviews()
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.QuestionStats()
		if want := questions.Stats(all); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s: kept %v, %v; want %v", step, got, err, want)
		}
	}
	randomInterview := func(contactID uint64) model.Interview {
		iv := model.NewInterview(contactID, nil, t0)
		for _, i := range r.Perm(len(texts))[:1+r.IntN(len(texts))] {
			iv.AddQuestion(texts[i])
			q := &iv.Questions[len(iv.Questions)-1]
			if r.IntN(2) == 0 {
				q.BankID = "bank-" + texts[i]
			}
			q.Asked, q.Starred = r.IntN(2) == 0, r.IntN(4) == 0
		}
		for range r.IntN(4) {
			iv.Notes = append(iv.Notes, model.Note{QuestionID: r.IntN(len(iv.Questions) + 1), Starred: r.IntN(2) == 0, Text: "n"})
		}
		return iv
	}
	for step := range 200 {
		switch op := r.IntN(7); {
		case op == 0 || len(contacts) == 0:
			c, err := s.PutContact(model.Contact{Name: "C"})
			if err != nil {
				t.Fatal(err)
			}
			contacts = append(contacts, c.ID)
			if _, err := s.PutInterview(randomInterview(c.ID)); err != nil {
				t.Fatal(err)
			}
		case op == 1:
			ids, err := s.AddContacts([]NewContact{{Contact: model.Contact{Name: "B"},
				Interviews: []model.Interview{randomInterview(0), randomInterview(0)}}})
			if err != nil {
				t.Fatal(err)
			}
			contacts = append(contacts, ids...)
		case op == 2 && len(contacts) > 1:
			i := r.IntN(len(contacts))
			if err := s.DeleteContact(contacts[i]); err != nil {
				t.Fatal(err)
			}
			contacts = append(contacts[:i], contacts[i+1:]...)
		default:
			c := contacts[r.IntN(len(contacts))]
			ivs, err := s.Interviews(c)
			if err != nil || len(ivs) == 0 {
				continue
			}
			iv := ivs[r.IntN(len(ivs))]
			next := randomInterview(c)
			switch op {
			case 3: // an edit of checklist and notes
				iv.Questions, iv.Notes = next.Questions, next.Notes
			case 4: // a header saved back
				iv.Questions, iv.Closing, iv.Notes = nil, nil, nil
				iv.WrapUp.Takeaways = "t"
			case 5: // notes only
				iv.Notes = next.Notes
			case 6:
				if _, err := s.ScheduleInterview(iv, model.Schedule{At: t0, Mode: model.ModePhone}); err != nil {
					t.Fatal(err)
				}
				check("schedule")
				continue
			}
			if _, err := s.PutInterview(iv); err != nil {
				t.Fatal(err)
			}
		}
		check("step " + strconv.Itoa(step))
	}
	if stats, _ := s.QuestionStats(); len(stats) == 0 {
		t.Error("the test ended with no statistics to compare")
	}
}
