package live

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"parley/model"
	"parley/store"
	"parley/ui/common"
	"parley/ui/uitest"
)

// liveWith opens the live screen, inside a full app, on an interview
// built by plan for a contact the plan may also change.
func liveWith(t *testing.T, c *common.Common, s *store.Store, w, h int, contact model.Contact, plan func(*model.Interview)) *uitest.Driver {
	t.Helper()
	contact, err := s.PutContact(contact)
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(contact.ID, nil, uitest.TestStart)
	plan(&iv)
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, w, h)
	d.Send(uitest.KeyRunes("c"))
	d.Send(uitest.KeyType(tea.KeyEnter))
	d.Send(uitest.KeyType(tea.KeyEnter))
	if _, ok := d.App.Top().(InterviewScreen); !ok {
		t.Fatalf("not on the live screen:\n%s", d.View())
	}
	return d
}

// manyQuestions is a plan of twelve questions, the eleventh a must-ask.
func manyQuestions(iv *model.Interview) {
	for i := range 12 {
		iv.AddQuestion(fmt.Sprintf("Question number %d?", i+1))
	}
	iv.Questions[10].MustAsk = true
}

func ana() model.Contact {
	return model.Contact{Name: "Ana Ruiz", Role: "Policy analyst", Organisation: "City Council"}
}

// In the last five minutes the top line shows the must-ask question: a
// new paragraph, its stamp and a question added on the spot go with it.
func TestNotesAndInsertionsFollowTheTopLine(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(time.Minute)
	d.TypeText("on the first question")
	clk.Advance(15 * time.Minute) // 4:00 left: the must-ask one is shown
	d.Send(uitest.KeyType(tea.KeyEnter))
	clk.Advance(2*time.Minute + 10*time.Second) // listening before writing
	d.TypeText("on the must-ask one")
	iv := liveOf(d).Interview
	notes := liveOf(d).notes.Notes()
	must := iv.Questions[1]
	if len(notes) != 2 || notes[1].QuestionID != must.ID || notes[1].At != 18*time.Minute+10*time.Second {
		t.Errorf("second paragraph = %+v, want under question %d stamped 18:10", notes[len(notes)-1], must.ID)
	}
	d.Send(uitest.KeyType(tea.KeyTab))
	d.Send(uitest.KeyRunes("a"))
	d.TypeText("A question that came up")
	d.Send(uitest.KeyType(tea.KeyEnter))
	if q := liveOf(d).Interview.Questions[2]; q.Text != "A question that came up" {
		t.Errorf("inserted after the wrong question: %+v", liveOf(d).Interview.Questions)
	}
}

func TestCtrlDTicksTheClosingStepShown(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	for range 4 {
		d.Send(uitest.KeyType(tea.KeyCtrlD))
	}
	if v := d.View(); !strings.Contains(v, "Close ▸ Ask whom else you should talk to") {
		t.Fatalf("top line once every question is ticked:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlD))
	if iv := liveOf(d).Interview; !iv.Closing[0].Asked {
		t.Errorf("ctrl+d did not tick the closing step shown: %+v", iv.Closing)
	}
	if v := d.View(); !strings.Contains(v, "Close ▸ Ask if you may mention their name") {
		t.Errorf("top line after ticking the first step:\n%s", v)
	}
}

func TestOverTimeTheTopLineSaysWrapUp(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(20*time.Minute + 11*time.Second)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	v := d.View()
	if !strings.Contains(v, "+00:11 over") || !strings.Contains(v, "Over time, wrap up ▸ Ask whom else you should talk to") ||
		strings.Contains(v, "Next ▸") {
		t.Errorf("over time:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlD))
	if !liveOf(d).Interview.Closing[0].Asked {
		t.Error("ctrl+d over time did not tick the closing step shown")
	}
}

// With twelve questions and the closing steps taking room, the question on
// the top line and every must-ask one left stay on screen at any size.
func TestCurrentAndMustAskStayOnScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}, {120, 40}, {50, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			c, s, clk := uitest.NewTestCommon(t)
			d := liveWith(t, c, s, size[0], size[1], ana(), manyQuestions)
			d.Send(uitest.KeyType(tea.KeyCtrlT))
			for range 3 {
				d.Send(uitest.KeyType(tea.KeyCtrlD))
			}
			clk.Advance(16 * time.Minute)
			d.Send(uitest.KeyType(tea.KeyTab)) // the questions (the only pane when compact)
			v := d.View()
			if !strings.Contains(v, "Question number 11?") {
				t.Errorf("the must-ask question is off screen:\n%s", v)
			}
			d.Send(uitest.KeyType(tea.KeyCtrlD)) // ticks the must-ask one
			if v := d.View(); !strings.Contains(v, "→ Question number 4?") {
				t.Errorf("the current question is off screen:\n%s", v)
			}
			if v := d.View(); size[1] >= 16 && !strings.Contains(v, "Closing 0/4") {
				t.Errorf("the closing steps are off screen:\n%s", v)
			}
		})
	}
}

func TestClosingStepsAreOneKeyAway(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	d := liveWith(t, c, s, 80, 24, ana(), manyQuestions)
	d.Send(uitest.KeyType(tea.KeyTab))
	d.Send(uitest.KeyRunes("c"))
	if l := liveOf(d); l.cursor != 12 || !strings.Contains(d.View(), "▸ ○ Ask whom else") {
		t.Errorf("c: cursor %d\n%s", l.cursor, d.View())
	}
	d.Send(uitest.KeyRunes(" "))
	if !liveOf(d).Interview.Closing[0].Asked {
		t.Error("space on a closing step did not tick it")
	}
	d.Send(uitest.KeyRunes("c")) // back to the question on the top line
	if l := liveOf(d); l.cursor != 0 {
		t.Errorf("c again: cursor %d, want 0", l.cursor)
	}
	d.Send(uitest.KeyRunes("G"))
	if l := liveOf(d); l.cursor != 15 {
		t.Errorf("G: cursor %d, want the last closing step (15)", l.cursor)
	}
}

func TestFooterAlwaysShowsTickEndPause(t *testing.T) {
	for _, w := range []int{60, 80} {
		d, _, _ := liveInterview(t, w, 24)
		for _, focus := range []string{"notes", "questions"} {
			lines := strings.Split(d.View(), "\n")
			footer := lines[len(lines)-1]
			for _, k := range []string{"ctrl+d tick", "ctrl+e end", "ctrl+t start"} {
				if !strings.Contains(footer, k) {
					t.Errorf("%d columns, %s: footer lacks %q: %q", w, focus, k, footer)
				}
			}
			d.Send(uitest.KeyType(tea.KeyTab))
		}
	}
}

// ctrl+e before the clock ever ran is no interview held: it is recorded
// as not held, no thank-you falls due and the stage stays.
func TestEndBeforeTheClockRanIsNotHeld(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	id := liveOf(d).Interview.ID
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	if v := d.View(); !strings.Contains(v, "The clock never ran. Not held:  ▸[cancelled]  no-show  rescheduled") {
		t.Fatalf("no not-held choice:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyRight))
	d.Send(uitest.KeyType(tea.KeyEnter))
	if _, still := d.App.Top().(InterviewScreen); still {
		t.Fatalf("still on the live screen:\n%s", d.View())
	}
	iv, err := s.Interview(id)
	if err != nil || iv.NotHeld != model.NoShow || iv.Clock.State() != model.NotStarted {
		t.Errorf("stored = %+v, %v", iv, err)
	}
	c, _ := s.Contact(iv.ContactID)
	its, _ := s.Interactions(iv.ContactID)
	if c.Stage == model.Interviewed || len(its) != 0 {
		t.Errorf("a no-show moved the contact: stage %q, timeline %+v", c.Stage, its)
	}
	if v := d.View(); !strings.Contains(v, "not held") {
		t.Errorf("the contact page does not say it was not held:\n%s", v)
	}
}

func TestContactPageMarksNotHeldAndDeletes(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	id := liveOf(d).Interview.ID
	d.Send(uitest.KeyType(tea.KeyEsc)) // to the notes' neighbour, the questions
	d.Send(uitest.KeyType(tea.KeyEsc)) // back to the contact page
	d.Send(uitest.KeyRunes("n"))
	if iv, _ := s.Interview(id); iv.NotHeld != model.Cancelled {
		t.Fatalf("n: not held = %q, want cancelled\n%s", iv.NotHeld, d.View())
	}
	d.Send(uitest.KeyRunes("x"))
	if v := d.View(); !strings.Contains(v, "Delete this interview?") {
		t.Fatalf("x did not ask:\n%s", v)
	}
	d.Send(uitest.KeyRunes("y"))
	if _, err := s.Interview(id); err == nil {
		t.Error("the interview is still there")
	}
}

func TestQuitWithTheClockRunningWarnsOnce(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlC))
	if d.Quit || !strings.Contains(d.View(), "Clock running: it keeps counting while Parley is closed. ctrl+c again quits.") {
		t.Fatalf("no warning:\n%s", d.View())
	}
	d.Send(uitest.KeyType(tea.KeyCtrlC))
	if !d.Quit {
		t.Error("the second ctrl+c did not quit")
	}
	paused, _, _ := liveInterview(t, 80, 24)
	paused.Send(uitest.KeyType(tea.KeyCtrlC))
	if !paused.Quit {
		t.Error("with no clock running, ctrl+c should quit at once")
	}
}

// A clock found running hours past its budget was left running: the
// screen asks, and the answer dates and sizes the interview.
func TestClockLeftRunningIsAskedAbout(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	start := uitest.TestStart
	clk.Advance(14 * time.Hour)
	d := liveWith(t, c, s, 80, 24, ana(), func(iv *model.Interview) {
		manyQuestions(iv)
		iv.Clock = iv.Clock.Start(start)
		iv.Notes = []model.Note{{At: 21*time.Minute + 30*time.Second, Text: "last words"}}
	})
	// The three answers do not fit 80 columns together: the one chosen
	// shows whole, with which of how many it is.
	if v := d.View(); !strings.Contains(v, "The clock ran 14:00:00. < [ended at 21:30 (last note or tick)] > 1/3") {
		t.Fatalf("not asked:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyEnter))
	iv := liveOf(d).Interview
	if iv.Clock.State() != model.Ended || iv.WrapUp.Length != 21*time.Minute+30*time.Second {
		t.Errorf("clock %v, length %v", iv.Clock.State(), iv.WrapUp.Length)
	}
	if at, _ := iv.HeldAt(); !at.Equal(start.Add(21*time.Minute + 30*time.Second)) {
		t.Errorf("held at %v", at)
	}
	if v := d.View(); !strings.Contains(v, "Ended after 21:30") {
		t.Errorf("after the answer:\n%s", v)
	}
}

func TestWrapUpCorrectsTheLength(t *testing.T) {
	d, s, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(31 * time.Minute)
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	for range 3 {
		d.Send(uitest.KeyType(tea.KeyTab)) // referrals, thank-you, length
	}
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText("abc")
	if v := d.View(); !strings.Contains(v, "until then it stays 31:00") {
		t.Errorf("no warning for a length that cannot be read:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText("24:30")
	d.Fire(IsAutosave)
	iv, _ := s.Interview(liveOf(d).Interview.ID)
	if iv.WrapUp.Length != 24*time.Minute+30*time.Second {
		t.Errorf("stored length = %v", iv.WrapUp.Length)
	}
	if v := d.View(); !strings.Contains(v, "Ended after 24:30") || !strings.Contains(v, "(the clock said 31:00)") {
		t.Errorf("after correcting:\n%s", v)
	}
}

func TestTakeawaysGrowToTheRoomThereIs(t *testing.T) {
	d, _, _ := liveInterview(t, 120, 40)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	for i := range 6 {
		d.TypeText(fmt.Sprintf("takeaway line %d", i+1))
		d.Send(tea.KeyMsg{Type: tea.KeyEnter})
	}
	v := d.View()
	for i := range 6 {
		if !strings.Contains(v, fmt.Sprintf("takeaway line %d", i+1)) {
			t.Errorf("takeaway %d hidden:\n%s", i+1, v)
		}
	}
}

// "Name, role at organisation" becomes a contact with both, and may-use-
// name starts from the interviewee's own leave.
func TestSuggestedPersonBecomesAContact(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	who := ana()
	who.MayMentionName = true
	d := liveWith(t, c, s, 80, 24, who, manyQuestions)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	d.Send(uitest.KeyType(tea.KeyTab))
	d.Send(uitest.KeyRunes("a"))
	d.TypeText("Rita Gomez, transportation planner at PBOT")
	d.Send(uitest.KeyType(tea.KeyEnter))
	d.Send(uitest.KeyRunes("a"))
	d.TypeText("Sam Lee")
	d.Send(uitest.KeyType(tea.KeyEnter))
	refs := liveOf(d).wrap.referrals
	if len(refs) != 2 || !refs[0].MayUseName {
		t.Fatalf("referrals = %+v, want may-use-name from the contact", refs)
	}
	d.Send(uitest.KeyType(tea.KeyUp))
	d.Send(uitest.KeyRunes("c"))
	rita, err := s.Contact(liveOf(d).wrap.referrals[0].ContactID)
	if err != nil || rita.Role != "transportation planner" || rita.Organisation != "PBOT" {
		t.Errorf("contact = %+v, %v", rita, err)
	}
	d.Fire(IsAutosave)
	for range 3 {
		d.Send(uitest.KeyType(tea.KeyEsc))
	}
	v := d.View()
	if !strings.Contains(v, "Referrals not yet contacted") || !strings.Contains(v, "Sam Lee") || !strings.Contains(v, "Rita Gomez") {
		t.Errorf("What's next lacks the people suggested:\n%s", v)
	}
}

func TestNoColorSaysHowLittleTimeIsLeft(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(15*time.Minute + time.Second)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := d.View(); !strings.Contains(v, "04:59 left [under 5 min]") {
		t.Errorf("amber without colour:\n%s", v)
	}
	clk.Advance(3 * time.Minute)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := d.View(); !strings.Contains(v, "01:59 left [under 2 min]") {
		t.Errorf("red without colour:\n%s", v)
	}
}

func TestLinuxConsoleGetsASCII(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	c.Styles.UseASCII()
	d := liveWith(t, c, s, 80, 24, ana(), manyQuestions)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlD))
	d.TypeText("a note")
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s"), Alt: true})
	clk.Advance(16 * time.Minute)
	d.Send(uitest.KeyType(tea.KeyTab))
	body := strings.Join(strings.Split(d.View(), "\n")[:22], "\n") // the footer's help is bubbles'
	for _, sym := range []string{"▸", "✓", "○", "★", "→", "─", "█", "░", "▏"} {
		if strings.Contains(body, sym) {
			t.Errorf("%q drawn on an ASCII terminal:\n%s", sym, body)
		}
	}
	if !strings.Contains(body, "x 00:00 Question number 1?") || !strings.Contains(body, "00:00* a note") {
		t.Errorf("no ASCII stand-ins:\n%s", body)
	}
}

func TestCtrlZBringsBackADeletedWord(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.TypeText("budget cycle in March")
	d.Send(uitest.KeyType(tea.KeyCtrlW))
	d.Send(uitest.KeyType(tea.KeyCtrlW))
	d.Send(uitest.KeyType(tea.KeyCtrlZ))
	d.Send(uitest.KeyType(tea.KeyCtrlZ))
	if n := liveOf(d).notes.Notes(); len(n) != 1 || n[0].Text != "budget cycle in March" {
		t.Errorf("after undo: %+v", n)
	}
}

// The last five minutes with a must-ask question open and the closing
// steps shown, at the sizes people use, in plain text and in colour.
func TestGoldenLastFiveMinutes(t *testing.T) {
	for _, colour := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {60, 16}} {
			name := fmt.Sprintf("last_five_%dx%d", size[0], size[1])
			if colour {
				name = "colour_" + name
			}
			t.Run(name, func(t *testing.T) {
				c, s, clk := uitest.NewTestCommon(t)
				if colour {
					lipgloss.SetColorProfile(termenv.ANSI256)
					t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
					st := common.NewStyles(false)
					c.Styles = &st
				}
				d := liveWith(t, c, s, size[0], size[1], ana(), manyQuestions)
				d.Send(uitest.KeyType(tea.KeyCtrlT))
				clk.Advance(90 * time.Second)
				d.TypeText("Started in teaching, then a masters in policy.")
				d.Send(uitest.KeyType(tea.KeyCtrlD))
				d.Send(uitest.KeyType(tea.KeyCtrlD))
				clk.Advance(14*time.Minute + 30*time.Second)
				d.Send(uitest.KeyType(tea.KeyEnter))
				d.TypeText("Budget cycle runs from March.")
				clk.Advance(time.Minute + 12*time.Second)
				d.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				v := d.View()
				if !colour && (!strings.Contains(v, "Question number 11?") || !strings.Contains(v, "Closing 0/4")) {
					t.Errorf("must-ask or closing steps missing:\n%s", v)
				}
				for _, l := range strings.Split(v, "\n") {
					if ansi.StringWidth(l) > size[0] {
						t.Errorf("line wider than %d: %q", size[0], l)
					}
				}
				uitest.Golden(t, name, v)
			})
		}
	}
}

// Marking a missed interview not held from What's next takes it off What's
// next at once: the save lands after the screen has closed, while the
// summary is on screen, and must not leave the summary stale.
func TestNotHeldFromWhatsNextLeavesIt(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	contact, err := s.PutContact(model.Contact{Name: "Yusuf Sharma", Stage: model.Scheduled})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(contact.ID, []string{"What does a week look like?"}, uitest.TestStart.AddDate(0, 0, -3))
	if _, err := s.ScheduleInterview(iv, model.Schedule{At: uitest.TestStart.AddDate(0, 0, -2), Mode: model.ModeVideo}); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 24)
	if v := d.View(); !strings.Contains(v, "Yusuf Sharma") {
		t.Fatalf("the missed interview is not on What's next:\n%s", v)
	}
	d.Send(uitest.KeyRunes("t"))
	if _, ok := d.App.Top().(InterviewScreen); !ok {
		t.Fatalf("t did not open the interview:\n%s", d.View())
	}
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyType(tea.KeyEnter)) // cancelled
	if v := d.View(); strings.Contains(v, "Yusuf Sharma") {
		t.Errorf("What's next still lists the interview marked not held:\n%s", v)
	}
}

// At 50 columns the not-held choice does not fit on its line: the option
// chosen is still shown whole, with which of how many it is.
func TestNotHeldChoiceFitsANarrowScreen(t *testing.T) {
	d, _, _ := liveInterview(t, 50, 12)
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyType(tea.KeyRight))
	d.Send(uitest.KeyType(tea.KeyRight))
	if v := d.View(); !strings.Contains(v, "[rescheduled]") || !strings.Contains(v, "3/3") {
		t.Errorf("the chosen option is not on screen:\n%s", v)
	}
}

// "cd" typed fast on the referrals arrives as one message: the referral is
// deleted before the contact is made. Nothing crashes, no contact is made
// for the person removed, and the other referral is left alone.
func TestMakeThenDeleteAReferralQuickly(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	d := liveWith(t, c, s, 80, 24, ana(), manyQuestions)
	d.FailOnError = true
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	d.Send(uitest.KeyType(tea.KeyTab))
	for _, who := range []string{"Rita Gomez", "Sam Lee"} {
		d.Send(uitest.KeyRunes("a"))
		d.TypeText(who)
		d.Send(uitest.KeyType(tea.KeyEnter))
	}
	d.Send(uitest.KeyType(tea.KeyUp))
	d.Send(uitest.KeyRunes("cd"))
	if err := d.App.Crashed(); err != nil {
		t.Fatalf("crashed: %v", err)
	}
	refs := liveOf(d).wrap.referrals
	if len(refs) != 1 || refs[0].Name != "Sam Lee" || refs[0].ContactID != 0 {
		t.Errorf("referrals = %+v, want Sam Lee alone, not a contact", refs)
	}
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Errorf("%d contacts, want only the interviewee", len(cs))
	}
}
