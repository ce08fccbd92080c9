package ui

import (
	"testing"
)

func TestSettingsRefuseNonsense(t *testing.T) {
	c := testCommon(t)
	s := newSettingsScreen(c).setSize(80, 24).(settingsScreen)
	sc, _ := s.Update(s.load()())
	s = sc.(settingsScreen)
	if s.form.value(0) != "7" {
		t.Fatalf("thank-you days = %q, want the default 7", s.form.value(0))
	}
	s.form.states[1].input.SetValue("0")
	if _, at, problem := s.settings(); at != 1 || problem == "" {
		t.Errorf("0 days accepted (at %d, %q)", at, problem)
	}
	s.form.states[1].input.SetValue("3")
	st, _, problem := s.settings()
	if problem != "" || st.NoReplyDays != 3 || st.ThankYouDays != 7 {
		t.Errorf("settings = %+v, %q", st, problem)
	}
}
