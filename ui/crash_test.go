package ui

import (
	"os"
	"parley/ui/common"
	"parley/ui/uitest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/store"
)

// runCrashing runs the real program with a screen that panics where
// injectPanic says, and returns Run's error and what reached the terminal.
func runCrashing(t *testing.T, where string) (error, string, string) {
	t.Helper()
	injectPanic = where
	t.Cleanup(func() { injectPanic = "" })
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer inW.Close()
	defer in.Close()
	out, err := os.Create(filepath.Join(t.TempDir(), "terminal"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	runErr := Run(s, Options{NoColor: true, Input: in, Output: out, Width: 80, Height: 24})
	terminal, _ := os.ReadFile(out.Name())
	return runErr, string(terminal), dir
}

// A panic in a command, in Update or in View stops the program with an
// error naming a report file beside the notebook (0600) that holds the
// panic and its stack; no stack reaches the terminal.
func TestCrashIsReportedInAFile(t *testing.T) {
	for _, where := range []string{"command", "update", "view"} {
		t.Run(where, func(t *testing.T) {
			err, terminal, dir := runCrashing(t, where)
			if err == nil {
				t.Fatal("a crash ended the program without an error")
			}
			path := regexp.MustCompile(`\S*parley-crash-\S*\.txt`).FindString(err.Error())
			if filepath.Dir(path) != dir {
				t.Fatalf("error %q names no report beside the notebook in %s", err, dir)
			}
			info, statErr := os.Stat(path)
			if statErr != nil || info.Mode().Perm() != 0o600 {
				t.Fatalf("report %s: %v, %v", path, info, statErr)
			}
			report, _ := os.ReadFile(path)
			if !strings.Contains(string(report), "injected panic") || !strings.Contains(string(report), "goroutine") {
				t.Errorf("report holds:\n%s", report)
			}
			if strings.Contains(terminal, "goroutine") || strings.Contains(terminal, "Caught") {
				t.Errorf("a stack reached the terminal:\n%s", terminal)
			}
		})
	}
}

// commandScreen loads with the command a test gives it.
type commandScreen struct {
	panicking
	load tea.Cmd
}

func (s commandScreen) Load() tea.Cmd { return s.load }

// A panic inside a command of a batch or a sequence, however nested, is a
// crash of the program, not a goroutine Bubble Tea reports as killed.
func TestPanicInsideBatchOrSequenceIsACrash(t *testing.T) {
	boom := func() tea.Msg { panic("boom") }
	nothing := func() tea.Msg { return nil }
	for name, cmd := range map[string]tea.Cmd{
		"batch":             tea.Batch(nothing, boom),
		"sequence":          tea.Sequence(nothing, boom),
		"sequence in batch": tea.Batch(nothing, tea.Sequence(nothing, tea.Batch(boom))),
	} {
		t.Run(name, func(t *testing.T) {
			c, _, _ := uitest.NewTestCommon(t)
			d := uitest.NewDriver(t, c, 80, 24)
			d.Send(common.PushMsg{S: commandScreen{load: cmd}})
			crash := d.App.Crashed()
			if crash == nil || !d.Quit || crash.Where != "a command" || crash.Value != "boom" {
				t.Errorf("crash %v, quit %v", crash, d.Quit)
			}
		})
	}
}
