package live

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
	"parley/ui/common"
	"parley/ui/components/editor"
	"parley/ui/components/outbox"
	"parley/ui/uitest"
)

// liveInterview opens the live screen on a contact with four questions,
// the second a must-ask, inside a full app.
func liveInterview(t *testing.T, w, h int) (*uitest.Driver, *store.Store, *uitest.FakeClock) {
	t.Helper()
	c, s, clk := uitest.NewTestCommon(t)
	contact, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Role: "Policy analyst", Organisation: "City Council"})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(contact.ID, []string{
		"How did you come to this work?",
		"What does an ordinary week look like?",
		"Which skills matter most here?",
		"Who else should I talk to?",
	}, uitest.TestStart)
	iv.Questions[1].MustAsk = true
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, w, h)
	d.Send(uitest.KeyRunes("c"))         // from What's next to all contacts
	d.Send(uitest.KeyType(tea.KeyEnter)) // the contact
	d.Send(uitest.KeyType(tea.KeyEnter)) // the interview
	if _, ok := d.App.Top().(InterviewScreen); !ok {
		t.Fatalf("not on the live screen:\n%s", d.View())
	}
	return d, s, clk
}

func liveOf(d *uitest.Driver) InterviewScreen { return d.App.Top().(InterviewScreen) }

func TestClockPauseResumeOnScreen(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(3*time.Minute + 500*time.Millisecond)
	d.Send(uitest.KeyType(tea.KeyCtrlT)) // pause
	if v := d.View(); !strings.Contains(v, "17:00 left PAUSED") {
		t.Errorf("paused view:\n%s", v)
	}
	clk.Advance(10 * time.Minute) // paused time does not count
	if v := d.View(); !strings.Contains(v, "17:00 left") {
		t.Errorf("time ran while paused:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlT)) // resume
	clk.Advance(time.Minute)
	d.Send(clockTickMsg{id: liveOf(d).Interview.ID, gen: liveOf(d).tickGen})
	if v := d.View(); !strings.Contains(v, "16:00 left") || !strings.Contains(v, "04:00 of 20:00") {
		t.Errorf("resumed view:\n%s", v)
	}
}

// Ticks only re-render: a stalled loop that delivers none still shows the
// wall-clock time, and a tick from before a pause is ignored.
func TestStaleTicksAreDropped(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	staleGen := liveOf(d).tickGen
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	before := len(d.Pending)
	d.Send(clockTickMsg{id: liveOf(d).Interview.ID, gen: staleGen})
	if len(d.Pending) != before {
		t.Error("a stale tick scheduled another")
	}
	clk.Advance(7 * time.Minute) // no ticks at all
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := d.View(); !strings.Contains(v, "13:00 left") {
		t.Errorf("after a stall:\n%s", v)
	}
}

func TestTickWaitsForTheNextWholeSecond(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(2*time.Second + 300*time.Millisecond)
	iv := liveOf(d)
	iv.now = clk.Now()
	msgs := uitest.Collect(iv.tick())
	if len(msgs) != 1 || msgs[0].(uitest.TimerMsg).D != 700*time.Millisecond {
		t.Errorf("tick = %+v, want one timer in 700ms", msgs)
	}
}

func TestOvertimeCountsUp(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(21*time.Minute + 5*time.Second)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := d.View(); !strings.Contains(v, "+01:05 over") {
		t.Errorf("overtime view:\n%s", v)
	}
}

func TestChecklistKeys(t *testing.T) {
	d, s, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyTab)) // to the questions
	clk.Advance(90 * time.Second)
	d.Send(uitest.KeyRunes(" ")) // tick the first
	d.Send(uitest.KeyRunes("j"))
	d.Send(uitest.KeyRunes("j"))
	d.Send(uitest.KeyRunes("K")) // move the third up
	d.Send(uitest.KeyRunes("s")) // skip it
	d.Send(uitest.KeyRunes("a"))
	d.TypeText("What surprised you most?")
	d.Send(uitest.KeyType(tea.KeyEnter))
	iv := liveOf(d).Interview
	var got []string
	for _, q := range iv.Questions {
		mark := "o"
		switch {
		case q.Asked:
			mark = "x@" + model.FormatClock(q.AskedAt)
		case q.Skipped:
			mark = "-"
		}
		got = append(got, mark+" "+q.Text)
	}
	want := []string{
		"x@01:30 How did you come to this work?",
		"- Which skills matter most here?",
		"o What does an ordinary week look like?",
		"o What surprised you most?", // right after the current question
		"o Who else should I talk to?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("checklist:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// enter makes the highlighted question the current one.
	d.Send(uitest.KeyRunes("j"))
	d.Send(uitest.KeyRunes("j"))
	d.Send(uitest.KeyType(tea.KeyEnter))
	if v := d.View(); !strings.Contains(v, "Next ▸ Who else should I talk to?") {
		t.Errorf("chosen question not shown as next:\n%s", v)
	}
	d.Fire(IsAutosave)
	saved, _ := s.Interview(iv.ID)
	if len(saved.Questions) != 5 || !saved.Questions[0].Asked || saved.CurrentID != 4 {
		t.Errorf("not saved: %+v", saved.Questions)
	}
}

func TestMustAskPulledForwardWhenTimeRunsLow(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	if v := d.View(); strings.Contains(v, "Must ask") || strings.Contains(v, "Closing") {
		t.Errorf("must-ask or closing shown early:\n%s", v)
	}
	clk.Advance(15*time.Minute + time.Second)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	v := d.View()
	if !strings.Contains(v, "Must ask (1 left) ▸ What does an ordinary week look like?") {
		t.Errorf("must-ask not pulled forward:\n%s", v)
	}
	if !strings.Contains(v, "Closing 0/4") {
		t.Errorf("closing steps not shown at 5 minutes left:\n%s", v)
	}
}

func TestEndOpensWrapUpAndMovesStage(t *testing.T) {
	d, s, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(18*time.Minute + 42*time.Second)
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	if v := d.View(); !strings.Contains(v, "Ended after 18:42") || !strings.Contains(v, "Key takeaways") {
		t.Fatalf("no wrap-up:\n%s", v)
	}
	d.TypeText("Writing matters more than certificates.")
	d.Send(uitest.KeyType(tea.KeyTab)) // referrals
	d.Send(uitest.KeyRunes("a"))
	d.TypeText("Sam Lee, data team lead")
	d.Send(uitest.KeyType(tea.KeyEnter))
	d.Send(uitest.KeyRunes("y"))
	d.Send(uitest.KeyRunes("c"))
	d.Fire(IsAutosave)
	iv := liveOf(d).Interview
	saved, err := s.Interview(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	w := saved.WrapUp
	if w.Length != 18*time.Minute+42*time.Second || w.Takeaways != "Writing matters more than certificates." {
		t.Errorf("wrap-up = %+v", w)
	}
	// Due at the start of the day, on the clock's own time zone: the
	// test's clock is UTC whatever the machine's zone.
	if want := time.Date(2026, 11, 29, 0, 0, 0, 0, uitest.TestStart.Location()); !w.ThankYouDue.Equal(want) {
		t.Errorf("thank-you due %v, want %v", w.ThankYouDue, want)
	}
	if len(w.Referrals) != 1 || !w.Referrals[0].MayUseName || w.Referrals[0].ContactID == 0 {
		t.Fatalf("referrals = %+v", w.Referrals)
	}
	sam, err := s.Contact(w.Referrals[0].ContactID)
	if err != nil || sam.Name != "Sam Lee" || sam.Role != "data team lead" || sam.ReferredBy != saved.ContactID {
		t.Errorf("referral contact = %+v, %v", sam, err)
	}
	ana, _ := s.Contact(saved.ContactID)
	if ana.Stage != model.Interviewed {
		t.Errorf("stage = %q, want interviewed", ana.Stage)
	}
	// The yes given in the wrap-up is the leave the templates look for.
	if !ana.MayMentionName {
		t.Error("the referrer's leave to use their name was not recorded")
	}
	timeline, _ := s.Interactions(saved.ContactID)
	if len(timeline) != 1 || timeline[0].Kind != model.KindInterview {
		t.Errorf("timeline = %+v", timeline)
	}
	// Back on What's next, the thank-you is due, on the wrap-up's date.
	for range 3 {
		d.Send(uitest.KeyType(tea.KeyEsc))
	}
	if v := d.View(); !strings.Contains(v, "Thank-you notes due") || !strings.Contains(v, "due Sun 29 Nov") {
		t.Errorf("What's next after the interview:\n%s", v)
	}
}

func TestBudgetCanChangeWhileRunning(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyTab))
	d.Send(uitest.KeyRunes("b")) // the prepare screen's choice, at 20 min
	if v := d.View(); !strings.Contains(v, "Budget  15 min  ▸[20 min]  30 min  other") {
		t.Errorf("budget choice:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyRight))
	d.Send(uitest.KeyType(tea.KeyEnter))
	if got := liveOf(d).Interview.Budget; got != 30*time.Minute {
		t.Errorf("budget chosen = %v, want 30m", got)
	}
	d.Send(uitest.KeyRunes("b"))
	d.Send(uitest.KeyType(tea.KeyRight)) // other: type the minutes
	d.Send(uitest.KeyType(tea.KeyEnter))
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText("abc")
	d.Send(uitest.KeyType(tea.KeyEnter))
	if v := d.View(); !strings.Contains(v, "is not a length of time") {
		t.Errorf("bad budget accepted:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText("25")
	d.Send(uitest.KeyType(tea.KeyEnter))
	if got := liveOf(d).Interview.Budget; got != 25*time.Minute {
		t.Errorf("budget = %v", got)
	}
}

func TestNotesEditedInEditorComeBack(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.TypeText("first thought")
	iv := liveOf(d)
	f, err := editor.WriteEditFile("", "notes.md")
	if err != nil {
		t.Fatal(err)
	}
	edited := "## 00:00 [q1]\nfirst thought, revised\n\n## \na new paragraph\n"
	if err := os.WriteFile(f.Path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	// As the editor exits: the file is read back, parsed and removed, and
	// the result goes, unaddressed, to the interview's owner.
	stamp := func(text string) []model.Note { return model.ParseNotesFile(text, 5*time.Minute) }
	d.Send(editor.FinishEdit(f, nil, false, "the notes", stamp, func(notes []model.Note, err error) tea.Msg {
		return notesEditedMsg{interviewID: iv.Interview.ID, notes: notes, err: err}
	}))
	notes := liveOf(d).notes.Notes()
	if len(notes) != 2 || notes[0].Text != "first thought, revised" || notes[1].At != 5*time.Minute {
		t.Errorf("notes = %+v", notes)
	}
	if _, err := os.Stat(f.Dir); !os.IsNotExist(err) {
		t.Error("temporary folder left behind")
	}
}

func TestEditorFileIsPrivate(t *testing.T) {
	f, err := editor.WriteEditFile("secret notes", "notes.md")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(f.Dir)
	fi, _ := os.Stat(f.Path)
	di, _ := os.Stat(f.Dir)
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Errorf("file %o, folder %o", fi.Mode().Perm(), di.Mode().Perm())
	}
}

// An editor that fails leaves the text as it was and says why; the file
// is removed all the same.
func TestEditorFailureKeepsText(t *testing.T) {
	f, err := editor.WriteEditFile("draft", "message.txt")
	if err != nil {
		t.Fatal(err)
	}
	msg := editor.FinishEdit(f, errors.New("exit status 1"), false, "the draft", func(s string) string { return s },
		func(text string, err error) tea.Msg { return outbox.DraftEditedMsg{Text: text, Err: err} }).(outbox.DraftEditedMsg)
	if msg.Err == nil || !strings.Contains(msg.Err.Error(), "so nothing changed in the draft") {
		t.Errorf("err = %v", msg.Err)
	}
	if _, err := os.Stat(f.Dir); !os.IsNotExist(err) {
		t.Error("temporary folder left behind")
	}
}

func TestCompactLayoutKeepsTimeAndNotes(t *testing.T) {
	d, _, clk := liveInterview(t, 50, 12)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(5 * time.Minute)
	d.TypeText("compact note")
	v := d.View()
	if !strings.Contains(v, "15:00 left") || !strings.Contains(v, "compact note") {
		t.Errorf("compact view:\n%s", v)
	}
}

func TestGoldenInterviewViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d, _, clk := liveInterview(t, size[0], size[1])
			d.Send(uitest.KeyType(tea.KeyCtrlT))
			clk.Advance(72 * time.Second)
			d.TypeText("Started in teaching, then a masters in policy.")
			d.Send(uitest.KeyType(tea.KeyCtrlD))
			clk.Advance(6*time.Minute + 30*time.Second)
			d.Send(uitest.KeyType(tea.KeyEnter))
			d.TypeText("Typical week: two council meetings and a lot of drafting; briefings go to elected members by Thursday.")
			clk.Advance(8 * time.Minute) // 4:18 left: the warning colour, closing steps showing
			d.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			uitest.Golden(t, fmt.Sprintf("interview_%dx%d", size[0], size[1]), d.View())
		})
	}
}

// Leaving the screen right after typing, before the autosave timer fires,
// must not lose what was typed: the close writes it.
func TestLeavingTheScreenSavesAtOnce(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.TypeText("typed just before leaving")
	d.Send(uitest.KeyType(tea.KeyEsc)) // notes → questions
	d.Send(uitest.KeyType(tea.KeyEsc)) // back to the contact page
	if _, ok := d.App.Top().(InterviewScreen); ok {
		t.Fatal("still on the live screen")
	}
	ivs := uitest.MustInterviews(t, s)
	if got := uitest.NoteTexts(ivs[0]); got != "typed just before leaving" {
		t.Errorf("notes after leaving = %q", got)
	}
	// The timer that comes due later finds nothing more to do.
	d.Fire(IsAutosave)
}

func TestStarringAParagraphTypesNothing(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.TypeText("worth remembering")
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s"), Alt: true})
	notes := liveOf(d).notes.Notes()
	if len(notes) != 1 || notes[0].Text != "worth remembering" || !notes[0].Starred {
		t.Errorf("notes = %+v", notes)
	}
}

// When a must-ask question is pulled to the top, ctrl+d ticks that one:
// the one the user sees.
func TestTickNextTicksTheQuestionShown(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(16 * time.Minute)
	d.Send(uitest.KeyType(tea.KeyCtrlD))
	iv := liveOf(d).Interview
	if !iv.Questions[1].Asked || iv.Questions[0].Asked {
		t.Errorf("ticked %+v, want the must-ask second question", iv.Questions[:2])
	}
}

// In the compact layout there is room for one pane: tab shows the
// questions in place of the notes, so keys never act on rows out of sight.
func TestCompactLayoutShowsTheFocusedPane(t *testing.T) {
	d, _, _ := liveInterview(t, 50, 12)
	d.TypeText("a compact note")
	if v := d.View(); !strings.Contains(v, "a compact note") || strings.Contains(v, "Which skills") {
		t.Fatalf("notes pane:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyTab))
	if v := d.View(); !strings.Contains(v, "Which skills matter most here?") || strings.Contains(v, "a compact note") {
		t.Errorf("questions pane:\n%s", v)
	}
}

func TestSixtyBySixteenIsNotCompact(t *testing.T) {
	d, _, _ := liveInterview(t, 60, 16)
	if v := d.View(); !strings.Contains(v, "Questions") || !strings.Contains(v, "Notes") {
		t.Errorf("60x16:\n%s", v)
	}
}

// If the write made as the screen closes fails, the notes are not lost
// with the screen: the root keeps them, retries, and writes them at exit.
func TestFailedSaveOnLeavingIsKept(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.TypeText("typed while the disk is failing")
	path := s.Path()
	s.Close() // every write now fails
	d.Send(uitest.KeyType(tea.KeyEsc))
	d.Send(uitest.KeyType(tea.KeyEsc)) // leave: the save fails
	if _, ok := d.App.Top().(InterviewScreen); ok {
		t.Fatal("still on the live screen")
	}
	if v := d.View(); !strings.Contains(v, "! Could not save") {
		t.Errorf("the failure is not shown:\n%s", v)
	}
	if len(d.App.Kept) != 1 {
		t.Fatalf("kept saves = %d, want the interview kept", len(d.App.Kept))
	}
	s2, err := store.Open(path) // the disk is back
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := d.App.Flush(s2); err != nil {
		t.Fatal(err)
	}
	ivs := uitest.MustInterviews(t, s2)
	if got := uitest.NoteTexts(ivs[0]); got != "typed while the disk is failing" {
		t.Errorf("notes = %q", got)
	}
}

// Shortcuts typed fast arrive as one message of several runes; each must
// still act, and a field one of them opens takes the rest as text.
func TestFastShortcutsAreSplit(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyTab)) // to the questions
	d.Send(uitest.KeyRunes("jm"))
	iv := liveOf(d)
	if iv.cursor != 1 {
		t.Fatalf("j did not move: cursor %d", iv.cursor)
	}
	if iv.Interview.Questions[1].MustAsk { // it started marked
		t.Error("m did not toggle must-ask on the second question")
	}
	d.Send(uitest.KeyRunes("aHow so?"))
	if got := liveOf(d).input.Value(); got != "How so?" {
		t.Errorf("input took %q", got)
	}
}

// A bug in a screen must not lose the notes or leave a stack trace: the
// app stops, reports the error in plain words, and the exit flush still
// has the last good state to write.
func TestPanicInUpdateQuitsAndKeepsState(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.TypeText("a note before the bug")
	d.Send(common.PushMsg{S: uitest.Panicky{}})
	d.Send(uitest.KeyRunes("x"))
	if !d.Quit {
		t.Fatal("the app did not stop after a panic")
	}
	if err := d.App.Crashed(); err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("Crashed() = %v", err)
	}
	if err := d.App.Flush(s); err != nil {
		t.Fatal(err)
	}
	iv, _ := s.Interview(d.App.Stack[len(d.App.Stack)-2].S.(InterviewScreen).Interview.ID)
	if uitest.NoteTexts(iv) != "a note before the bug" {
		t.Errorf("notes after the panic = %q", uitest.NoteTexts(iv))
	}
}

// The full help shows every key at 80 columns: none is cut off.
func TestFullHelpShowsEveryKey(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyTab)) // the questions, where ? is not text
	d.Send(uitest.KeyRunes("?"))
	v := d.View()
	for _, want := range []string{"ctrl+t", "ctrl+g", "space", "must-ask", "star answer", "move down", "time budget", "closing steps", "G last closing step", "tick what the top line shows", "esc back"} {
		if !strings.Contains(v, want) {
			t.Errorf("full help lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "…") {
		t.Errorf("full help cut short:\n%s", v)
	}
}

// BenchmarkAutosaveSnapshot1MB is the work an autosave adds to Update: a
// copy of the notes to hand to the saving command. The encoding and the
// write happen in the command, off the event loop.
func BenchmarkAutosaveSnapshot1MB(b *testing.B) {
	styles := common.NewStyles(true)
	c := &common.Common{Styles: &styles, Now: time.Now, Interviews: &common.InterviewWriter{}}
	s := newInterviewScreen(c, model.Contact{Name: "Ana"}, model.Interview{Notes: uitest.MegabyteOfNotes()})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = s.snapshot()
	}
}

// A question being typed under the checklist when the program stops is
// kept, as if enter had been pressed.
func TestCtrlCKeepsAQuestionBeingTyped(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyTab)) // the questions
	d.Send(uitest.KeyRunes("a"))
	d.TypeText("What would you do differently?")
	if !liveOf(d).Unsaved() {
		t.Error("the screen does not say it holds typed text")
	}
	d.Send(uitest.KeyType(tea.KeyCtrlC))
	if err := d.App.Flush(s); err != nil {
		t.Fatal(err)
	}
	iv := uitest.MustInterviews(t, s)[0]
	for _, q := range iv.Questions {
		if q.Text == "What would you do differently?" {
			return
		}
	}
	t.Errorf("questions = %+v", iv.Questions)
}

// The wheel moves through the focused pane: the checklist's cursor, or
// the notes' caret (which the pane follows); it types nothing.
func TestMouseWheelMovesThroughTheFocusedPane(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	wheel := func(b tea.MouseButton) { d.Send(tea.MouseMsg{Action: tea.MouseActionPress, Button: b}) }
	if liveOf(d).focus != paneNotes {
		t.Fatalf("the live screen opens on %v, want the notes", liveOf(d).focus)
	}
	d.TypeText("first")
	d.Send(uitest.KeyType(tea.KeyEnter))
	d.TypeText("second")
	wheel(tea.MouseButtonWheelUp)
	d.TypeText("X")
	if got := liveOf(d).notes.Notes(); len(got) != 2 || !strings.Contains(got[0].Text, "X") || got[1].Text != "second" {
		t.Errorf("after the wheel up, typing went to %+v, want the first paragraph", got)
	}
	d.Send(uitest.KeyType(tea.KeyTab)) // to the checklist
	if liveOf(d).focus != paneChecklist {
		t.Fatalf("tab went to %v", liveOf(d).focus)
	}
	before := liveOf(d).cursor
	wheel(tea.MouseButtonWheelDown)
	if got := liveOf(d).cursor; got != min(before+3, liveOf(d).checklistRows()-1) {
		t.Errorf("wheel down moved the checklist cursor from %d to %d", before, got)
	}
	wheel(tea.MouseButtonWheelUp)
	if got := liveOf(d).cursor; got != max(min(before+3, liveOf(d).checklistRows()-1)-3, 0) {
		t.Errorf("wheel up left the checklist cursor at %d", got)
	}
}
