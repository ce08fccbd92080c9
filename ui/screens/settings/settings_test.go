package settings

import (
	"parley/ui/uitest"
	"testing"
)

func TestSettingsRefuseNonsense(t *testing.T) {
	c := uitest.TestCommon(t)
	s := NewSettingsScreen(c).SetSize(80, 24).(settingsScreen)
	sc, _ := s.Update(s.Load()())
	s = sc.(settingsScreen)
	if s.form.Value(0) != "7" {
		t.Fatalf("thank-you days = %q, want the default 7", s.form.Value(0))
	}
	s.form.States[1].Input.SetValue("0")
	if _, at, problem := s.settings(); at != 1 || problem == "" {
		t.Errorf("0 days accepted (at %d, %q)", at, problem)
	}
	s.form.States[1].Input.SetValue("3")
	st, _, problem := s.settings()
	if problem != "" || st.NoReplyDays != 3 || st.ThankYouDays != 7 {
		t.Errorf("settings = %+v, %q", st, problem)
	}
}
