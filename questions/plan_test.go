package questions

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"parley/model"
)

func texts(p Plan) []string { return p.Texts() }

func TestPlanEditing(t *testing.T) {
	bank := BuiltIns()
	var p Plan
	var err error
	for _, q := range bank[:3] {
		if p, err = p.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.Add(bank[1]); !errors.Is(err, ErrInPlan) {
		t.Errorf("adding twice: %v, want ErrInPlan", err)
	}
	if p, err = p.AddOneOff("  What was it like moving from Lyon?  "); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddOneOff(" "); !errors.Is(err, ErrEmptyText) {
		t.Errorf("empty one-off: %v", err)
	}
	if !p.Has(bank[0].ID) || p.Has("") || p.Has(bank[5].ID) {
		t.Error("Has is wrong")
	}
	a, b, c, d := bank[0].Text, bank[1].Text, bank[2].Text, "What was it like moving from Lyon?"
	if got := texts(p); !reflect.DeepEqual(got, []string{a, b, c, d}) {
		t.Fatalf("plan %v", got)
	}

	moves := []struct {
		i, delta, wantAt int
		want             []string
	}{
		{3, -1, 2, []string{a, b, d, c}},
		{0, 2, 2, []string{b, d, a, c}},
		{2, 10, 3, []string{b, d, c, a}},
		{3, -10, 0, []string{a, b, d, c}},
		{0, 0, 0, []string{a, b, d, c}},
		{9, 1, 9, []string{a, b, d, c}}, // out of range: unchanged
	}
	for _, m := range moves {
		before := texts(p)
		q, at := p.Move(m.i, m.delta)
		if !reflect.DeepEqual(texts(p), before) {
			t.Fatalf("Move changed the receiver")
		}
		p = q
		if at != m.wantAt || !reflect.DeepEqual(texts(p), m.want) {
			t.Errorf("Move(%d,%d) = %v at %d, want %v at %d", m.i, m.delta, texts(p), at, m.want, m.wantAt)
		}
	}

	p = p.ToggleMustAsk(2).ToggleMustAsk(0).ToggleMustAsk(0).ToggleMustAsk(-1)
	for i, it := range p.Items {
		if it.MustAsk != (i == 2) {
			t.Errorf("item %d must-ask %v", i, it.MustAsk)
		}
	}
	if p, err = p.EditText(2, "What was Lyon like?"); err != nil || p.Items[2].Text != "What was Lyon like?" || p.Items[2].BankID != "" {
		t.Errorf("EditText: %v %+v", err, p.Items[2])
	}
	if _, err := p.EditText(7, "x"); err == nil {
		t.Error("EditText out of range should fail")
	}
	p = p.Remove(1).Remove(8)
	if got := texts(p); !reflect.DeepEqual(got, []string{a, "What was Lyon like?", c}) {
		t.Errorf("after remove %v", got)
	}
	if p, err = p.Add(bank[1]); err != nil {
		t.Errorf("a removed question can come back: %v", err)
	}
}

func TestPlanToInterviewAndBack(t *testing.T) {
	p := Plan{Items: []Item{{BankID: "path-01", Text: "How?"}, {Text: "One-off?", MustAsk: true}}}
	qs := p.Questions()
	want := []model.Question{{ID: 1, Text: "How?", BankID: "path-01"}, {ID: 2, Text: "One-off?", MustAsk: true}}
	if !reflect.DeepEqual(qs, want) {
		t.Fatalf("Questions() = %+v", qs)
	}
	qs[0].Asked, qs[1].Starred = true, true
	back := FromQuestions(" Mine ", qs)
	if back.Name != "Mine" || !reflect.DeepEqual(back.Items, p.Items) {
		t.Errorf("FromQuestions = %+v", back)
	}
}

func TestFit(t *testing.T) {
	cases := []struct {
		budget time.Duration
		want   int
	}{
		{20 * time.Minute, 7},
		{15 * time.Minute, 5},
		{30 * time.Minute, 11},
		{0, 7}, // unset means the default budget
		{-time.Minute, 7},
		{3 * time.Minute, 1}, // never below one
	}
	for _, c := range cases {
		if got := Fit(c.budget); got != c.want {
			t.Errorf("Fit(%v) = %d, want %d", c.budget, got, c.want)
		}
	}
}

func TestBalanced(t *testing.T) {
	bank := Bank(UserState{})
	for _, budget := range []time.Duration{10 * time.Minute, 20 * time.Minute, 30 * time.Minute, 90 * time.Minute} {
		p := Balanced(bank, budget)
		var content, closing []Question
		seen := map[string]bool{}
		for _, it := range p.Items {
			q, ok := Lookup(bank, it.BankID)
			if !ok || q.Text != it.Text {
				t.Fatalf("%v: item %+v not from the bank", budget, it)
			}
			if seen[it.BankID] {
				t.Errorf("%v: %s twice", budget, it.BankID)
			}
			seen[it.BankID] = true
			if q.Theme == ThemeClosing {
				closing = append(closing, q)
			} else {
				content = append(content, q)
			}
		}
		if len(content) != Fit(budget)+Extra {
			t.Errorf("%v: %d content questions, want %d", budget, len(content), Fit(budget)+Extra)
		}
		// The live screen's closing ritual covers these.
		if len(closing) != 0 {
			t.Errorf("%v: closing questions in the pick: %v", budget, closing)
		}
		kinds, themes := map[Kind]int{}, map[Theme]bool{}
		for _, q := range content {
			kinds[q.Kind]++
			themes[q.Theme] = true
		}
		if kinds[Practical] == 0 || kinds[Reflective] == 0 || abs(kinds[Practical]-kinds[Reflective]) > 1+len(content)/4 {
			t.Errorf("%v: kinds unbalanced %v", budget, kinds)
		}
		if want := min(len(content), 6); len(themes) != want {
			t.Errorf("%v: %d themes covered, want %d", budget, len(themes), want)
		}
	}
	if p := Balanced(bank, 20*time.Minute); p.Items[0].BankID != "path-01" {
		t.Errorf("a balanced plan should open with their path, got %s", p.Items[0].BankID)
	}
}

func abs(n int) int { return max(n, -n) }

func TestBalancedSkipsHiddenAndSmallBanks(t *testing.T) {
	must := mustFor(t)
	s := must(UserState{}.Hide("path-01"))
	s = must(s.Delete("closing-01"))
	p := Balanced(Bank(s), 20*time.Minute)
	for _, it := range p.Items {
		if it.BankID == "path-01" || it.BankID == "closing-01" {
			t.Errorf("hidden %s picked", it.BankID)
		}
	}
	if got := Balanced(Bank(s)[:2], time.Hour); len(got.Items) != 2 {
		t.Errorf("a tiny bank gives what it has, got %d", len(got.Items))
	}
	if got := Balanced(nil, time.Hour); len(got.Items) != 0 {
		t.Errorf("empty bank gave %v", got.Items)
	}
}

func TestStartingPlan(t *testing.T) {
	must := mustFor(t)
	s := must(UserState{}.Edit("path-01", "So how did it all start for you?", ThemePath, Reflective))
	s = must(s.SaveSet(Plan{Name: "Nurses", Items: []Item{
		{BankID: "path-01", Text: "How did you end up in the work you do today?", MustAsk: true},
		{Text: "What is a night shift like?"},
	}}))
	bank := Bank(s)
	if got := StartingPlan(s.Default(), bank, 20*time.Minute); !reflect.DeepEqual(got, Balanced(bank, 20*time.Minute)) {
		t.Errorf("without a default set, want the balanced pick")
	}
	s = must(s.SetDefault("NURSES"))
	got := StartingPlan(s.Default(), bank, 5*time.Minute)
	want := Plan{Items: []Item{
		{BankID: "path-01", Text: "So how did it all start for you?", MustAsk: true},
		{Text: "What is a night shift like?"},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StartingPlan = %+v, want %+v (whole set, synced, unnamed)", got, want)
	}
	if set, _ := s.Set("nurses"); set.Items[0].Text == want.Items[0].Text {
		t.Error("StartingPlan changed the saved set")
	}
	if got := StartingPlan(&Plan{Name: "empty"}, bank, 0); len(got.Items) == 0 {
		t.Error("an empty default set should fall back to the balanced pick")
	}
}

func TestSavedSets(t *testing.T) {
	must := mustFor(t)
	s := must(UserState{}.SaveSet(Plan{Name: " Nurses ", Items: []Item{{Text: "A?"}}}))
	s = must(s.SaveSet(Plan{Name: "Teachers"}))
	s = must(s.SaveSet(Plan{Name: "nurses", Items: []Item{{Text: "B?"}}}))
	if len(s.Sets) != 2 || s.Sets[0].Name != "nurses" || s.Sets[0].Items[0].Text != "B?" {
		t.Fatalf("saving again should replace: %+v", s.Sets)
	}
	if _, err := s.SaveSet(Plan{Name: "  "}); !errors.Is(err, ErrSetName) {
		t.Errorf("unnamed set: %v", err)
	}
	if _, err := s.SetDefault("pilots"); !errors.Is(err, ErrSetNotFound) {
		t.Errorf("unknown default: %v", err)
	}
	s = must(s.SetDefault("Nurses"))
	if d := s.Default(); d == nil || d.Name != "nurses" {
		t.Fatalf("default %+v", d)
	}
	s.Default().Items[0].Text = "mutated"
	if set, _ := s.Set("nurses"); set.Items[0].Text != "B?" {
		t.Error("Default returned shared memory")
	}
	s = must(s.DeleteSet("NURSES"))
	if s.Default() != nil || s.DefaultSet != "" || len(s.Sets) != 1 {
		t.Errorf("deleting the default set should clear it: %+v", s)
	}
	if _, err := s.DeleteSet("nurses"); !errors.Is(err, ErrSetNotFound) {
		t.Errorf("delete twice: %v", err)
	}
	s = must(s.SetDefault("teachers"))
	s = must(s.SetDefault(""))
	if s.DefaultSet != "" {
		t.Error("empty name should clear the default")
	}
}

func TestPlanJSONRoundTrip(t *testing.T) {
	p := Balanced(Bank(UserState{}), 15*time.Minute)
	p.Name = "Default"
	p, _ = p.AddOneOff("What was the move to Oslo like?")
	p = p.ToggleMustAsk(1)
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var got Plan
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, p)
	}
}

func TestStarter(t *testing.T) {
	want := Balanced(Bank(UserState{}), model.DefaultBudget).Texts()
	if got := Starter(); !reflect.DeepEqual(got, want) {
		t.Errorf("Starter should be the default balanced pick")
	}
}
