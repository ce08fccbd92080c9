package uitest

import (
	"fmt"
	"os"
	"parley/ui/app"
	"parley/ui/common"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // TestZones, whatever the machine has

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// TestNow is the fixed clock of the UI tests: a Wednesday morning.
var TestNow = time.Date(2025, 3, 12, 9, 30, 0, 0, time.UTC)

func FixtureCommon(t testing.TB) *common.Common {
	c, _, _ := NewTestCommonAt(t, TestNow)
	return c
}

func day(d, h int) time.Time { return time.Date(2025, 3, d, h, 0, 0, 0, time.UTC) }

// FixtureNotebook is ten contacts spread over the pipeline, with one of
// each thing the first screen reports.
func FixtureNotebook() common.Notebook {
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
	return common.Notebook{Contacts: cs, Interviews: ivs, Interactions: its, Settings: model.Defaults()}
}

// run sends msg to s, then runs the commands it returns that navigate
// (push, pop), so a test can follow the user from screen to screen.
// AppSend sends msg to the app and follows only the navigation it asks
// for (push, pop, open), on the one test driver: the fixture, not the empty
// notebook behind it, is what the screens show.
func AppSend(t *testing.T, a app.App, msg tea.Msg) app.App {
	t.Helper()
	d := &Driver{T: t, App: a, only: isNavigation}
	d.Send(msg)
	return d.App
}

func appRun(t *testing.T, a app.App, cmd tea.Cmd) app.App {
	t.Helper()
	d := &Driver{T: t, App: a, only: isNavigation}
	d.do(cmd)
	return d.App
}

func isNavigation(msg tea.Msg) bool {
	msg = unrouted(msg)
	switch msg.(type) {
	case common.PushMsg, common.PopMsg:
		return true
	}
	_, ok := msg.(common.Navigation)
	return ok
}

func Golden(t *testing.T, name, got string) {
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

func SizedApp(t *testing.T, w, h int, nb common.Notebook) app.App {
	// Screens read the notebook as they open; an empty one answers those
	// reads, and their results are dropped: the fixture is the truth.
	a := app.NewApp(FixtureCommon(t), testOpeners)
	a = AppSend(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	return AppSend(t, a, common.NotebookLoadedMsg{Notebook: nb})
}

func TypeText(s common.Screen, text string) common.Screen {
	for _, r := range text {
		s, _ = s.Update(KeyRunes(string(r)))
	}
	return s
}

// StoreCommon is TestCommon with a real notebook in a temporary file.
func StoreCommon(t *testing.T) (*common.Common, *store.Store, model.Contact) {
	t.Helper()
	cm, s, _ := NewTestCommonAt(t, TestNow)
	c, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Stage: model.ToContact, Created: TestNow})
	if err != nil {
		t.Fatal(err)
	}
	return cm, s, c
}

// Submit saves a form with ctrl+s and runs what it returns, collecting
// the messages.
func Submit(t *testing.T, s common.Screen) []tea.Msg {
	t.Helper()
	_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if cmd == nil {
		t.Fatal("ctrl+s did nothing")
	}
	var out []tea.Msg
	for _, c := range CmdsOf(cmd()) {
		if c != nil {
			out = append(out, c())
		}
	}
	return out
}

func StageOf(t *testing.T, s *store.Store, id uint64) model.Stage {
	c, err := s.Contact(id)
	if err != nil {
		t.Fatal(err)
	}
	return c.CurrentStage()
}

// CmdsOf unpacks the message of tea.Sequence or tea.Batch into its
// commands (Sequence's type is unexported: a slice of commands).
func CmdsOf(msg tea.Msg) []tea.Cmd {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}

func MustInterviews(t *testing.T, s *store.Store) []model.Interview {
	t.Helper()
	cs, err := s.Contacts()
	if err != nil || len(cs) != 1 {
		t.Fatalf("contacts = %v, %v", cs, err)
	}
	ivs, err := s.Interviews(cs[0].ID)
	if err != nil || len(ivs) != 1 {
		t.Fatalf("interviews = %v, %v", ivs, err)
	}
	return ivs
}

func NoteTexts(iv model.Interview) string {
	var out []string
	for _, n := range iv.Notes {
		out = append(out, n.Text)
	}
	return strings.Join(out, "|")
}

// Panicky is a screen with a bug: a key makes it panic.
type Panicky struct{ common.NothingToSave }

func (p Panicky) Load() tea.Cmd           { return nil }
func (p Panicky) Watches() common.Watcher { return common.Watching() }

func (p Panicky) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		var m map[string]int
		m["boom"]++ // a nil map write: a panic
	}
	return p, nil
}
func (p Panicky) View() string                   { return "" }
func (p Panicky) SetSize(int, int) common.Screen { return p }
func (p Panicky) Help() help.KeyMap              { return common.KeyMap{} }
func (p Panicky) Capturing() bool                { return false }

func TestCommon(t *testing.T) *common.Common {
	t.Helper()
	c, _, _ := NewTestCommonAt(t, ComposeNow)
	return c
}

// MegabyteOfNotes is about 1 MB of notes in paragraphs of realistic length.
func MegabyteOfNotes() []model.Note {
	var notes []model.Note
	size := 0
	for i := 0; size < 1<<20; i++ {
		text := fmt.Sprintf("Paragraph %d: she said the first year is mostly learning the systems, "+
			"then you get your own cases; certification matters less than writing well and "+
			"knowing the local rules. Ask about the graduate scheme.", i)
		notes = append(notes, model.Note{At: time.Duration(i) * time.Second, Text: text})
		size += len(text)
	}
	return notes
}

var ComposeNow = time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)

// TestZones are the zones date tests run in: one with daylight saving near
// UTC, one far ahead of it without. A date read in the machine's zone
// rather than the clock's fails in one of them.
var TestZones = []string{"Europe/London", "Asia/Tokyo"}

// InEachZone runs test as a subtest once in each of TestZones.
func InEachZone(t *testing.T, test func(t *testing.T, loc *time.Location)) {
	t.Helper()
	for _, zone := range TestZones {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(zone, func(t *testing.T) { test(t, loc) })
	}
}
