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

func TestSettingsWeeklyGoal(t *testing.T) {
	c := uitest.TestCommon(t)
	s := NewSettingsScreen(c).SetSize(80, 24).(settingsScreen)
	sc, _ := s.Update(s.Load()())
	s = sc.(settingsScreen)
	if s.form.Value(goalField) != "2" {
		t.Fatalf("weekly goal = %q, want the default 2", s.form.Value(goalField))
	}
	for _, bad := range []string{"0", "15", "two"} {
		s.form.States[goalField].Input.SetValue(bad)
		if _, at, problem := s.settings(); at != goalField || problem == "" {
			t.Errorf("goal %q accepted (at %d, %q)", bad, at, problem)
		}
	}
	s.form.States[goalField].Input.SetValue("3")
	st, _, problem := s.settings()
	if problem != "" || st.WeeklyGoal != 3 || st.ThankYouDays != 7 {
		t.Errorf("settings = %+v, %q", st, problem)
	}
}

func TestSettingsUntouchedAreNotUnsaved(t *testing.T) {
	c := uitest.TestCommon(t)
	s := NewSettingsScreen(c).SetSize(80, 24).(settingsScreen)
	sc, _ := s.Update(s.Load()())
	if sc.Unsaved() {
		t.Error("settings read and not touched count as unsaved: closing would write them")
	}
}
