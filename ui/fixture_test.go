package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// testNow is the fixed clock of the UI tests: a Wednesday morning.
var testNow = time.Date(2025, 3, 12, 9, 30, 0, 0, time.UTC)

func fixtureCommon(t testing.TB) *common {
	c, _, _ := newTestCommonAt(t, testNow)
	return c
}

func day(d, h int) time.Time { return time.Date(2025, 3, d, h, 0, 0, 0, time.UTC) }

// fixtureNotebook is ten contacts spread over the pipeline, with one of
// each thing the first screen reports.
func fixtureNotebook() notebook {
	cs := []model.Contact{
		{ID: 1, Name: "Ana Ruiz", Organisation: "City Council", Role: "Policy analyst", Stage: model.Interviewed, Tags: []string{"policy"}, Created: day(1, 9)},
		{ID: 2, Name: "Bo Chen", Organisation: "General Hospital", Role: "Nurse practitioner", Stage: model.Scheduled, Created: day(1, 9)},
		{ID: 3, Name: "Chidi Okafor", Organisation: "Acme Robotics", Role: "Software engineer", Stage: model.RequestSent, Created: day(1, 9)},
		{ID: 4, Name: "Dana Smith", Organisation: "Public Library", Role: "Archivist", Stage: model.ToContact, ReferredBy: 1, Created: day(5, 9)},
		{ID: 5, Name: "Eve Müller", Organisation: "University of Leeds", Role: "Lecturer", Stage: model.Thanked, MayContactAgain: true, Created: day(1, 9)},
		{ID: 6, Name: "Farid Patel", Organisation: "Green Energy Co-op", Role: "Project manager", Stage: model.Declined, Created: day(1, 9)},
		{ID: 7, Name: "Grace Nguyen", Organisation: "Museum of Science", Role: "Curator", Stage: model.Interviewed, Created: day(1, 9)},
		{ID: 8, Name: "Hiro García", Organisation: "Law Centre", Role: "Solicitor", Stage: model.Scheduled, Created: day(1, 9)},
		{ID: 9, Name: "Ines Kowalski", Stage: model.ToContact, Created: day(1, 9)},
		{ID: 10, Name: "José Brown", Organisation: "City Council", Role: "Planner", Stage: model.NoReply, Created: day(1, 9)},
	}
	sched := func(id, contact uint64, at time.Time, mode model.Mode, length time.Duration) model.Interview {
		iv := model.NewInterview(contact, nil, day(1, 9))
		iv.ID = id
		iv.ApplySchedule(model.Schedule{At: at, Mode: mode, Place: "meet.example.org/x", Length: length})
		return iv
	}
	ivs := []model.Interview{
		sched(1, 2, day(12, 14), model.ModeVideo, 20*time.Minute),
		sched(2, 8, day(17, 11), model.ModeInPerson, 30*time.Minute),
	}
	its := []model.Interaction{
		{ID: 1, ContactID: 1, Kind: model.KindInterview, At: day(10, 15)},
		{ID: 2, ContactID: 3, Kind: model.KindRequest, At: day(1, 10)},
		{ID: 3, ContactID: 7, Kind: model.KindInterview, At: day(3, 15)},
		{ID: 4, ContactID: 5, Kind: model.KindThankYou, At: day(2, 15)},
	}
	return notebook{contacts: cs, interviews: ivs, interactions: its, settings: model.Defaults()}
}

// run sends msg to s, then runs the commands it returns that navigate
// (push, pop), so a test can follow the user from screen to screen.
// appSend sends msg to the app and follows only the navigation it asks
// for (push, pop, open), on the one test driver: the fixture, not the empty
// notebook behind it, is what the screens show.
func appSend(t *testing.T, a App, msg tea.Msg) App {
	t.Helper()
	d := &driver{t: t, app: a, only: isNavigation}
	d.send(msg)
	return d.app
}

func appRun(t *testing.T, a App, cmd tea.Cmd) App {
	t.Helper()
	d := &driver{t: t, app: a, only: isNavigation}
	d.do(cmd)
	return d.app
}

func isNavigation(msg tea.Msg) bool {
	msg = unrouted(msg)
	switch msg.(type) {
	case pushMsg, popMsg, markDeletedMsg:
		return true
	}
	_, ok := msg.(navigation)
	return ok
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}
