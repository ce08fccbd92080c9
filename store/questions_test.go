package store

import (
	"errors"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

func TestQuestionBankStartsEmpty(t *testing.T) {
	s, _ := openTemp(t)
	st, err := s.QuestionBank()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(st, questions.UserState{}) {
		t.Errorf("fresh notebook bank = %+v, want the zero state", st)
	}
	if n := len(questions.Bank(st)); n < 40 {
		t.Errorf("a fresh bank shows %d questions, want the built-ins", n)
	}
}

func TestQuestionBankRoundTripAndReopen(t *testing.T) {
	s, path := openTemp(t)
	st, q, err := questions.UserState{}.Add("What do you read to keep up with the field?", questions.ThemeTrends, questions.Practical, []string{"reading"})
	if err != nil {
		t.Fatal(err)
	}
	st, _ = st.Hide("path-01")
	st, _ = st.SetTags("work-01", []string{"day"})
	plan, _ := questions.Plan{Name: "First chat"}.Add(q)
	plan = plan.ToggleMustAsk(0)
	st, _ = st.SaveSet(plan)
	st, _ = st.SetDefault("first chat")
	if err := s.PutQuestionBank(st); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.QuestionBank()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, st) {
		t.Errorf("after reopen:\n got %+v\nwant %+v", got, st)
	}
	if d := got.Default(); d == nil || len(d.Items) != 1 || !d.Items[0].MustAsk {
		t.Errorf("default set = %+v", d)
	}
	if _, ok := questions.Lookup(questions.Bank(got), "path-01"); ok {
		t.Error("hidden built-in came back after reopening")
	}
}

func TestQuestionBankDamagedValueIsReported(t *testing.T) {
	s, _ := openTemp(t)
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketQuestions).Put(keyBankState, []byte("{not json"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.QuestionBank(); !errors.Is(err, ErrDamaged) {
		t.Errorf("QuestionBank on bad JSON: err = %v, want ErrDamaged", err)
	}
}

func TestAllInterviews(t *testing.T) {
	s, _ := openTemp(t)
	a, _ := s.PutContact(sampleContact())
	b, _ := s.PutContact(model.Contact{Name: "Bo"})
	for _, c := range []model.Contact{a, b, a} {
		if _, err := s.PutInterview(model.NewInterview(c.ID, []string{"How?"}, t0)); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.AllInterviews()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].ContactID != a.ID || all[1].ContactID != b.ID || all[2].ID <= all[1].ID {
		t.Errorf("AllInterviews = %+v", all)
	}
}
