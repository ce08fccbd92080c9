package ui

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// quitAndFlush stops the program as ctrl+c does (SIGTERM and SIGHUP end in
// the same flush) and writes what the screens hold.
func quitAndFlush(t *testing.T, d *uitest.Driver, s *store.Store) {
	t.Helper()
	if !d.App.Top().Unsaved() {
		t.Error("the screen does not say it holds typed text")
	}
	d.Send(uitest.KeyType(tea.KeyCtrlC))
	if !d.Quit {
		t.Fatal("ctrl+c did not quit")
	}
	if err := d.App.Flush(s); err != nil {
		t.Fatal(err)
	}
}

// Text typed in the plan's small inputs is kept on ctrl+c: a set's name
// saves the set, a one-off question or a budget keeps the plan as a set.
func TestPlanInputsAreKeptOnCtrlC(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want func(questions.Plan) bool
		set  string
	}{
		{"one-off question", []string{"o", "type:What would you change first?"},
			func(p questions.Plan) bool { return hasItem(p, "What would you change first?") },
			"Unfinished plan for Ana Ruiz (20 min)"},
		{"set name", []string{"S", "type:Policy people"},
			func(p questions.Plan) bool { return len(p.Items) > 0 }, "Policy people"},
		{"an edited plan, nothing being typed", []string{"o", "type:Who decides the budget?", "enter"},
			func(p questions.Plan) bool { return hasItem(p, "Who decides the budget?") },
			"Unfinished plan for Ana Ruiz (20 min)"},
		{"budget", []string{"b", "right", "right", "right", "enter", "backspace", "backspace", "type:25"},
			func(p questions.Plan) bool { return len(p.Items) > 0 }, "Unfinished plan for Ana Ruiz (25 min)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, s, _ := uitest.NewTestCommon(t)
			contact, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
			if err != nil {
				t.Fatal(err)
			}
			d := uitest.NewDriver(t, c, 80, 24)
			d.FailOnError = true
			d.Send(common.OpenPlanMsg{Contact: contact})
			for _, k := range tc.keys {
				if text, ok := strings.CutPrefix(k, "type:"); ok {
					d.TypeText(text)
				} else {
					d.Send(uitest.KeyMsg(k))
				}
			}
			quitAndFlush(t, d, s)
			st, err := s.QuestionBank()
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, set := range st.Sets {
				names = append(names, set.Name)
				if set.Name == tc.set && tc.want(set) {
					return
				}
			}
			t.Errorf("sets %q, want %q holding the typed text", names, tc.set)
		})
	}
}

func hasItem(p questions.Plan, text string) bool {
	for _, it := range p.Items {
		if it.Text == text {
			return true
		}
	}
	return false
}

// A referral still being typed in the wrap-up is kept on ctrl+c.
func TestWrapUpReferralIsKeptOnCtrlC(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	contact, iv := anaWithInterview(t, s)
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(common.OpenInterviewMsg{Contact: contact, Interview: iv})
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	d.Send(uitest.KeyType(tea.KeyTab)) // referrals
	d.Send(uitest.KeyRunes("a"))
	d.TypeText("Sam Lee, data team lead")
	quitAndFlush(t, d, s)
	got, err := s.Interview(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rs := got.WrapUp.Referrals; len(rs) != 1 || rs[0].Name != "Sam Lee" || rs[0].Note != "data team lead" {
		t.Errorf("referrals = %s", fmt.Sprint(rs))
	}
}
