package notes

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"parley/model"
)

var plainStyles = common.NewStyles(true)

func typeInto(n *NotesPane, s string, at time.Duration, qid int) {
	for _, r := range s {
		n.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}, at, qid)
	}
}

func press(n *NotesPane, t tea.KeyType, at time.Duration) {
	n.Update(tea.KeyMsg{Type: t}, at, 0)
}

func TestNotesTypingAndParagraphs(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(40, 10)
	n.Focused = true
	typeInto(&n, "Started in teaching", 62*time.Second, 1)
	press(&n, tea.KeyEnter, 125*time.Second)
	n.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Moved to policy")}, 130*time.Second, 2)
	n.Update(tea.KeyMsg{Type: tea.KeyEnter, Alt: true}, 0, 0)
	typeInto(&n, "in 2019", 0, 0)
	got := n.Notes()
	want := []model.Note{
		{At: 62 * time.Second, QuestionID: 1, Text: "Started in teaching"},
		// Stamped at its first keystroke, not at enter: one listens first.
		{At: 130 * time.Second, QuestionID: 2, Text: "Moved to policy\nin 2019"},
	}
	if len(got) != len(want) {
		t.Fatalf("notes = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("note %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if !n.Changed {
		t.Error("edits did not mark the notes changed")
	}
	view := ansi.Strip(n.View())
	for _, s := range []string{"01:02  Started in teaching", "02:10  Moved to policy", "       in 2019"} {
		if !strings.Contains(view, s) {
			t.Errorf("view lacks %q:\n%s", s, view)
		}
	}
}

func TestNotesBackspaceJoinsAndEditsEarlierParagraphs(t *testing.T) {
	n := NewNotesPane(&plainStyles, []model.Note{{At: time.Second, Text: "first"}, {At: 2 * time.Second, Text: "second"}})
	n.SetSize(40, 10)
	n.Focused = true
	// Up into the first paragraph, to its end, and add to it.
	press(&n, tea.KeyUp, 0)
	press(&n, tea.KeyEnd, 0)
	typeInto(&n, " draft", 0, 0)
	if got := n.Notes()[0].Text; got != "first draft" {
		t.Fatalf("edited first paragraph = %q", got)
	}
	press(&n, tea.KeyDown, 0)
	press(&n, tea.KeyHome, 0)
	press(&n, tea.KeyBackspace, 0)
	got := n.Notes()
	if len(got) != 1 || got[0].Text != "first draftsecond" || got[0].At != time.Second {
		t.Fatalf("after join: %+v", got)
	}
}

func TestNotesWrapAndKeepCaretOnScreen(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(30, 4)
	n.Focused = true
	for i := 0; i < 20; i++ {
		typeInto(&n, fmt.Sprintf("paragraph %d has several words to wrap", i), time.Duration(i)*time.Minute, 0)
		press(&n, tea.KeyEnter, time.Duration(i+1)*time.Minute)
	}
	typeInto(&n, "last words", 0, 0)
	view := ansi.Strip(n.View())
	lines := strings.Split(view, "\n")
	if len(lines) != 4 {
		t.Fatalf("view has %d lines, want 4:\n%s", len(lines), view)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 30 {
			t.Errorf("line wider than pane: %q", l)
		}
	}
	if !strings.Contains(lines[3], "last words") {
		t.Errorf("caret line not on screen:\n%s", view)
	}
	// Page all the way up: the first paragraph comes into view.
	for i := 0; i < 30; i++ {
		press(&n, tea.KeyPgUp, 0)
	}
	if view := ansi.Strip(n.View()); !strings.Contains(view, "00:00  paragraph") {
		t.Errorf("top not reachable:\n%s", view)
	}
}

func TestNotesPasteKeepsLineBreaks(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(40, 5)
	n.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a\r\nb\tc\x07"), Paste: true}, 0, 0)
	if got := n.Notes()[0].Text; got != "a\nb c" {
		t.Errorf("pasted = %q", got)
	}
}

func TestNotesEmptyParagraphIsDroppedWhenLeft(t *testing.T) {
	n := NewNotesPane(&plainStyles, []model.Note{{Text: "kept"}})
	n.SetSize(40, 5)
	press(&n, tea.KeyEnter, time.Minute)
	press(&n, tea.KeyUp, 0)
	if got := n.Notes(); len(got) != 1 || got[0].Text != "kept" {
		t.Errorf("notes = %+v", got)
	}
}

func TestRewrapEditMatchesFullWrap(t *testing.T) {
	base := []rune(strings.Repeat("alpha beta gamma delta epsilon ", 40) + "\nend line here")
	for _, at := range []int{0, 5, 33, 100, 600, len(base)} {
		for _, ins := range []string{"x", "a much longer insertion with spaces ", "\n"} {
			old := wrapRunes(base, 20)
			text := append(append(append([]rune(nil), base[:at]...), []rune(ins)...), base[at:]...)
			got := rewrapEdit(old, text, at, at+len([]rune(ins)), len([]rune(ins)), 20)
			if want := wrapRunes(text, 20); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("insert %q at %d: incremental wrap differs", ins, at)
			}
		}
		if at < len(base)-3 {
			old := wrapRunes(base, 20)
			text := append(append([]rune(nil), base[:at]...), base[at+3:]...)
			got := rewrapEdit(old, text, at, at, -3, 20)
			if want := wrapRunes(text, 20); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("delete at %d: incremental wrap differs", at)
			}
		}
	}
}

func TestWrapRunes(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"hello world", 20, []string{"hello world"}},
		{"hello world", 8, []string{"hello ", "world"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"a\nb", 10, []string{"a", "b"}},
		{"日本語のテキスト", 6, []string{"日本語", "のテキ", "スト"}},
	}
	for _, c := range cases {
		rs := []rune(c.text)
		var got []string
		for _, s := range wrapRunes(rs, c.width) {
			got = append(got, string(rs[s.start:s.end]))
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// keystrokes alternate a letter and a backspace, so the notes stay the same
// size however many iterations the benchmark runs.
var keystrokes = [2]tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'x'}}, {Type: tea.KeyBackspace}}

func BenchmarkNotesKeystroke1MB(b *testing.B) {
	n := NewNotesPane(&plainStyles, uitest.MegabyteOfNotes())
	n.SetSize(78, 12)
	n.Focused = true
	n.View()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n.Update(keystrokes[i%2], time.Minute, 0)
		_ = n.View()
	}
}

// BenchmarkNotesKeystrokeOneLongParagraph is the worst case: 1 MB in one
// paragraph with no line breaks, typed into in the middle.
func BenchmarkNotesKeystrokeOneLongParagraph(b *testing.B) {
	var sb strings.Builder
	for _, note := range uitest.MegabyteOfNotes() {
		sb.WriteString(note.Text)
		sb.WriteString(" ")
	}
	n := NewNotesPane(&plainStyles, []model.Note{{Text: sb.String()}})
	n.SetSize(78, 12)
	n.Focused = true
	for i := 0; i < 5000; i++ {
		n.Update(tea.KeyMsg{Type: tea.KeyUp}, 0, 0)
	}
	n.View()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n.Update(keystrokes[i%2], time.Minute, 0)
		_ = n.View()
	}
}

func BenchmarkTextareaKeystroke1MB(b *testing.B) {
	var sb strings.Builder
	for _, note := range uitest.MegabyteOfNotes() {
		sb.WriteString(note.Text)
		sb.WriteString("\n")
	}
	ta := textarea.New()
	ta.MaxHeight = 0
	ta.CharLimit = 0
	ta.SetWidth(78)
	ta.SetHeight(12)
	ta.Focus()
	ta.SetValue(sb.String())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ta, _ = ta.Update(keystrokes[i%2])
		_ = ta.View()
	}
}

func TestUndoTakesBackDeletions(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(40, 10)
	typeInto(&n, "Budget cycle starts in March", time.Minute, 1)
	press(&n, tea.KeyEnter, 2*time.Minute)
	typeInto(&n, "two analysts", 3*time.Minute, 1)
	press(&n, tea.KeyCtrlW, 4*time.Minute) // "analysts"
	press(&n, tea.KeyCtrlW, 4*time.Minute) // "two "
	for range 5 {
		press(&n, tea.KeyBackspace, 4*time.Minute) // joins, then eats "March"
	}
	if got := n.Notes(); len(got) != 1 || got[0].Text != "Budget cycle starts in M" {
		t.Fatalf("after deleting: %+v", got)
	}
	undo := tea.KeyMsg{Type: tea.KeyCtrlZ}
	n.Update(undo, 0, 0) // the run of backspaces, at once
	if got := n.Notes(); len(got) != 1 || got[0].Text != "Budget cycle starts in March" {
		t.Fatalf("after one undo: %+v", got)
	}
	n.Update(undo, 0, 0) // the join
	if got := n.Notes(); len(got) != 2 || got[1].Text != "" || got[1].At != 3*time.Minute {
		t.Fatalf("after two undos: %+v", got)
	}
	n.Update(undo, 0, 0)
	n.Update(undo, 0, 0)
	got := n.Notes()
	if len(got) != 2 || got[1].Text != "two analysts" || got[1].At != 3*time.Minute {
		t.Fatalf("after four undos: %+v", got)
	}
	if n.CanUndo() {
		t.Error("more to undo than was deleted")
	}
	if !strings.Contains(ansi.Strip(n.View()), "03:00  two analysts") {
		t.Errorf("view after undo:\n%s", ansi.Strip(n.View()))
	}
}

func TestStampsPastAnHourFitTheirColumn(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(40, 10)
	typeInto(&n, "early", 5*time.Minute, 0)
	press(&n, tea.KeyEnter, time.Hour)
	typeInto(&n, "late and long enough to wrap onto a second line", time.Hour+5*time.Minute, 0)
	lines := strings.Split(ansi.Strip(n.View()), "\n")
	want := []string{"  05:00  early", "1:05:00  late and long enough to wrap", "         onto a second line"}
	for i, w := range want {
		if i >= len(lines) || !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want %q", i, lines[min(i, len(lines)-1)], w)
		}
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line wider than the pane: %q", l)
		}
	}
}

func TestEmptyParagraphShowsNoStampUntilTyped(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(40, 10)
	typeInto(&n, "first", time.Minute, 0)
	press(&n, tea.KeyEnter, 2*time.Minute)
	if v := ansi.Strip(n.View()); strings.Contains(v, "02:00") {
		t.Errorf("an empty paragraph shows the time enter was pressed:\n%s", v)
	}
}

// An empty paragraph is stamped at its first keystroke, whatever made it:
// a stray key before the clock started, or text typed and taken back.
func TestEmptyParagraphIsStampedAtItsFirstKeystroke(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(40, 10)
	typeInto(&n, "b", 0, 1)
	press(&n, tea.KeyBackspace, 0)
	typeInto(&n, "answer", 5*time.Second, 2)
	if got := n.Notes(); len(got) != 1 || got[0].At != 5*time.Second || got[0].QuestionID != 2 {
		t.Errorf("after a stray key taken back: %+v, want one note at 00:05 under question 2", got)
	}
	press(&n, tea.KeyCtrlU, 9*time.Second)
	typeInto(&n, "again", 9*time.Second, 3)
	if got := n.Notes(); len(got) != 1 || got[0].At != 9*time.Second || got[0].QuestionID != 3 {
		t.Errorf("after emptying the paragraph: %+v, want it at 00:09 under question 3", got)
	}
}

// Typing after a deletion ends what ctrl+z can take back: undoing the
// deletion then would put text back around what was typed since.
func TestTypingEndsTheUndoHistory(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(40, 10)
	typeInto(&n, "alpha beta", time.Minute, 0)
	press(&n, tea.KeyCtrlW, time.Minute)
	typeInto(&n, "gamma", time.Minute, 0)
	n.Update(tea.KeyMsg{Type: tea.KeyCtrlZ}, 0, 0)
	if got := n.Notes(); got[0].Text != "alpha gamma" {
		t.Errorf("notes = %q", got[0].Text)
	}
}

// BenchmarkNotesDeletionsInto1MB is a backspace after a letter, over and
// over, in 1 MB of notes: each backspace starts a run and is remembered
// for ctrl+z, which must cost what the paragraph costs.
func BenchmarkNotesDeletionsInto1MB(b *testing.B) {
	n := NewNotesPane(&plainStyles, uitest.MegabyteOfNotes())
	n.SetSize(80, 30)
	n.Focused = true
	keys := [2]tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'x'}}, {Type: tea.KeyCtrlW}}
	var worst time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		n.Update(keys[i%2], time.Minute, 0)
		_ = n.View()
		worst = max(worst, time.Since(t0))
		i++
	}
	b.ReportMetric(float64(worst.Nanoseconds()), "worst-ns/key")
}

// Shrunk and grown again, the pane fills with the notes above the caret
// instead of showing the last lines over empty rows (found by a tester).
func TestNotesFillThePaneWhenItGrows(t *testing.T) {
	n := NewNotesPane(&plainStyles, nil)
	n.SetSize(60, 10)
	n.Focused = true
	for i := 0; i < 15; i++ {
		typeInto(&n, fmt.Sprintf("paragraph %d", i), time.Duration(i)*time.Minute, 0)
		if i < 14 {
			press(&n, tea.KeyEnter, time.Duration(i+1)*time.Minute)
		}
	}
	n.SetSize(30, 2)
	n.SetSize(60, 10)
	lines := strings.Split(ansi.Strip(n.View()), "\n")
	if len(lines) != 10 || !strings.Contains(lines[0], "paragraph 5") || !strings.Contains(lines[9], "paragraph 14") {
		t.Errorf("after shrinking and growing, the pane shows:\n%s", strings.Join(lines, "\n"))
	}
	// Fewer notes than rows: all of them, from the first.
	short := NewNotesPane(&plainStyles, []model.Note{{Text: "one"}, {At: time.Minute, Text: "two"}})
	short.SetSize(60, 1)
	short.SetSize(60, 10)
	if v := ansi.Strip(short.View()); !strings.HasPrefix(strings.TrimSpace(v), "00:00") || !strings.Contains(v, "two") {
		t.Errorf("two notes in a tall pane:\n%s", v)
	}
}
