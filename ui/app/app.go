// Package app is the root model: the screen stack, routing (each
// command's result goes back to the screen that asked, keys to the top
// one), the shared notebook summary read once per change, one live owner
// per interview, the status line, help, and the flush at exit.
package app

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"parley/model"
	"parley/store"
	"parley/ui/common"
)

// statusTTL is how long an informational status line stays.
const statusTTL = 4 * time.Second

// ShutdownMsg asks the app to stop because of a signal (SIGTERM, SIGHUP).
type ShutdownMsg struct{ Reason string }

type statusExpiredMsg struct{ gen int }

// entry is one screen on the stack with its address.
type entry struct {
	id screenID
	S  common.Screen
	// openers are the screens that opened it (see address).
	openers []screenID
}

// address is where results of the screen's commands go.
func (e entry) address() address { return address{to: e.id, openers: e.openers} }

// App is the root model.
type App struct {
	c      *common.Common
	keys   globalKeys
	Stack  []entry
	width  int
	height int
	sized  bool
	// help draws the help line; shared by the copies of App, which Bubble
	// Tea copies with every message (see shortHelpView).
	help     *helpLine
	fullHelp bool

	// openers build the screens navigation messages name.
	openers []common.Opener
	// lastID is the id given to the newest screen.
	lastID screenID

	// summary is the shared read of the notebook; summaryGen tags the
	// latest read asked for, so an older read landing late is dropped.
	summary       common.Notebook
	summaryGen    int
	summaryLoaded bool
	// summaryAnswered: the first read of the summary has answered, with
	// the notebook or an error (see Started).
	summaryAnswered bool
	// summaryRead is the gen of the read the summary held comes from;
	// reads up to staleUpTo began before a change (an autosave included)
	// was written, so the summary they give must be read again before it
	// is only re-timed (see retimeSummary).
	summaryRead, staleUpTo int

	status    common.StatusMsg
	statusGen int
	// errorFrom is the type of result whose error the status line shows,
	// so the next such result that succeeds clears it.
	errorFrom reflect.Type
	// statusBy is the screen whose command set the status, or rootID.
	statusBy screenID
	// quitWarned is set once ctrl+c has shown a screen's warning: the
	// next ctrl+c, straight after, quits.
	quitWarned bool

	// crashed holds a panic caught in Update or a command; viewCrash one
	// caught in View, which cannot change the model. The program then
	// quits, saves what it can and reports it.
	crashed   *Crash
	viewCrash *crashBox
	// frame is the screen as last drawn, kept while only messages that
	// change nothing on it arrive (see quiet): redrawing for a spool check
	// would be most of an idle screen's cost.
	frame *lastFrame
	// spool is how the root takes in what `parley add` leaves (spool.go).
	spool spoolState
	// stopping is set by a signal that came while an editor's text was
	// still on its way back: the app quits once it has arrived.
	stopping bool

	// Kept are saves of interviews whose screen closed before the save
	// went through (see keepFailedSave).
	Kept map[uint64]common.InterviewSave
	// retrying is set while a retry of the kept saves is waiting: one
	// timer for all of them, or each failure would add another.
	retrying bool
}

// SummaryLoadedMsg is the root's own read of the notebook summary, or
// (retimed) the summary it holds with the agenda worked out again.
type SummaryLoadedMsg struct {
	gen     int
	retimed bool
	common.NotebookLoadedMsg
}

// listPreparedMsg is the contact list built from the summary of read gen.
type listPreparedMsg struct {
	gen  int
	list *common.ContactListData
}

func (listPreparedMsg) ComputedFromHeld() {}

// NewApp builds the root model; openers build its screens, "What's next"
// (OpenHomeMsg) first.
func NewApp(c *common.Common, openers []common.Opener) App {
	h := &helpLine{model: help.New()}
	h.model.Styles = c.Styles.Help
	a := App{c: c, keys: newGlobalKeys(), help: h, lastID: 1, summaryGen: 1, openers: openers,
		viewCrash: &crashBox{}, frame: &lastFrame{}}
	first, ok := a.build(common.OpenHomeMsg{})
	if !ok {
		panic("ui: no opener builds the first screen")
	}
	a.Stack = []entry{{id: 1, S: first}}
	return a
}

// Init reads the notebook summary the first screen shows, then makes the
// day's backup; starts taking in what `parley add` leaves while the
// interface runs, and offers back any rescue file left by the last run.
func (a App) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.Sequence(a.reloadSummary(a.summaryGen), a.dailyBackup()), a.watchSpool()}
	for _, path := range a.c.Rescues {
		cmds = append(cmds, addressed(rootID, common.Navigate(common.OpenRescueMsg{Path: path})))
	}
	return tea.Batch(cmds...)
}

func (a App) Top() common.Screen { return a.Stack[len(a.Stack)-1].S }

// Screens is the stack, bottom first.
func (a App) Screens() []common.Screen {
	out := make([]common.Screen, len(a.Stack))
	for i, e := range a.Stack {
		out[i] = e.S
	}
	return out
}

// retimeSummary works the agenda out again from the summary held, at the
// clock's time, for a screen the user comes back to: nothing was written
// meanwhile (a write re-reads the notebook), but the clock has moved on.
// The contact list is kept unless the day changed, which moves its next
// steps' marks.
func (a *App) retimeSummary() tea.Cmd {
	a.summaryGen++
	if !a.summaryLoaded || a.summaryRead <= a.staleUpTo {
		return a.reloadSummary(a.summaryGen)
	}
	gen, held, now := a.summaryGen, a.summary, a.c.Now
	return addressed(rootID, func() tea.Msg {
		nb := common.NewNotebook(now(), held.Contacts, held.Facts, held.Settings)
		if y, m, d := nb.Now.Date(); held.List != nil {
			if hy, hm, hd := held.Now.In(nb.Now.Location()).Date(); y == hy && m == hm && d == hd {
				nb.List = held.List
			}
		}
		return SummaryLoadedMsg{gen: gen, retimed: true, NotebookLoadedMsg: common.NotebookLoadedMsg{Notebook: nb}}
	})
}

// reloadSummary reads the shared summary once, for every screen showing it.
func (a App) reloadSummary(gen int) tea.Cmd {
	load := common.LoadNotebook(a.c.Store, a.c.Now)
	return addressed(rootID, func() tea.Msg {
		msg, _ := load().(common.NotebookLoadedMsg)
		return SummaryLoadedMsg{gen: gen, NotebookLoadedMsg: msg}
	})
}

// Update dispatches by message type; screens own their own keys.
func (a App) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			a.crashed = newCrash("Update", r)
			m, cmd = a, tea.Quit
		}
	}()
	if !quiet(msg) {
		a.frame.valid = false
		if !isClockTick(msg) {
			a.frame.footerValid = false
		}
	}
	if a.crashed == nil {
		if c := a.viewCrash.get(); c != nil {
			a.crashed = c
			return a, tea.Quit
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height, a.sized = msg.Width, msg.Height, true
		a.resize()
		return a, nil
	case tea.KeyMsg:
		return a.HandleKey(msg)
	case tea.MouseMsg:
		return a.handleWheel(common.WheelDelta(msg))
	case ShutdownMsg:
		if a.c.Editors.Active() > 0 {
			// The editor has returned (the event loop waited for it);
			// its text arrives next, and is kept before quitting.
			a.stopping = true
			return a, nil
		}
		return a, tea.Quit
	case crashMsg:
		if a.crashed == nil {
			a.crashed = msg.Crash
		}
		return a, tea.Quit
	case ViewCrashedMsg:
		return a, nil // the check above has quit
	case common.EditorDoneMsg:
		m, cmd := a.Update(msg.Msg)
		a = m.(App)
		a.c.Editors.End(msg.Session)
		if a.stopping && a.c.Editors.Active() == 0 {
			return a, tea.Batch(cmd, tea.Quit)
		}
		return a, cmd
	case RoutedMsg:
		if _, ok := msg.Msg.(common.ClockTick); ok {
			return a.deliverTick(msg)
		}
		return a.deliver(address{to: msg.To, openers: msg.openers}, msg.Msg)
	}
	// Not addressed: a signal, or Bubble Tea handing back what a program
	// run in the terminal ($EDITOR) returned. The screen that ran it is
	// the top one, since it had the terminal; a message naming an
	// interview goes to that interview's owner wherever it is.
	if m, ok := msg.(common.InterviewOwnerMsg); ok {
		if i := a.ownerOf(m.ForInterview()); i >= 0 {
			return a.deliver(a.Stack[i].address(), msg)
		}
	}
	return a.deliver(a.Stack[len(a.Stack)-1].address(), msg)
}

// deliver handles msg for screen to: navigation and the status line here,
// the rest for that screen alone (or, if it closed, its opener).
func (a App) deliver(to address, msg tea.Msg) (App, tea.Cmd) {
	switch msg := msg.(type) {
	case common.PushMsg:
		return a.push(to, msg.S)
	case common.OpenInterviewMsg:
		if i := a.ownerOf(msg.Interview.ID); i >= 0 {
			return a.bringForward(i), nil
		}
	case common.PopMsg:
		return a.pop(to)
	case common.StatusMsg:
		a.statusBy = to.to
		return a.setStatus(msg)
	case statusExpiredMsg:
		if msg.gen == a.statusGen && !a.status.Err {
			a.status = common.StatusMsg{}
			a.resize()
		}
		return a, nil
	case SummaryLoadedMsg:
		if msg.gen != a.summaryGen {
			return a, nil
		}
		if !msg.retimed && msg.Err == nil {
			a.summaryRead = msg.gen
		}
		a, cmd := a.setSummary(msg.NotebookLoadedMsg)
		return a, tea.Batch(cmd, a.prepareList(msg.gen))
	case common.NotebookLoadedMsg:
		return a.setSummary(msg)
	case listPreparedMsg:
		if msg.gen != a.summaryGen || !a.summaryLoaded {
			return a, nil
		}
		a.summary.List = msg.list
		return a, a.tell(func(w common.Watcher) bool { return w[common.ShownSummary] },
			common.NotebookLoadedMsg{Notebook: a.summary})
	case orphanRetryMsg:
		a.retrying = false
		return a, addressed(rootID, a.retryKept())
	case backgroundMsg:
		return a.onBackground(msg)
	}
	if s, ok := a.build(msg); ok {
		return a.push(to, s)
	}
	var cmds []tea.Cmd
	if f, ok := msg.(common.Failure); ok {
		switch {
		case f.Failed() != nil:
			var c tea.Cmd
			a, c = a.setStatus(common.StatusMsg{Text: common.PlainError(f.Failed()), Err: true})
			a.errorFrom = reflect.TypeOf(msg)
			cmds = append(cmds, c)
		case a.status.Err && a.errorFrom == reflect.TypeOf(msg):
			// The same kind of write (or read) went through this time:
			// the error it left is no longer true.
			a.status, a.errorFrom = common.StatusMsg{}, nil
		}
	}
	if m, ok := msg.(common.InterviewSavedMsg); ok {
		cmds = append(cmds, a.keepFailedSave(m))
	}
	if ch, ok := msg.(common.Changer); ok {
		cmds = append(cmds, a.announce(ch.Changes()))
	}
	if i := a.Find(a.alive(to)); i >= 0 {
		var c tea.Cmd
		a.Stack[i].S, c = a.Stack[i].S.Update(msg)
		cmds = append(cmds, addressedTo(a.Stack[i].address(), c))
	}
	return a, tea.Batch(cmds...)
}

// deliverTick gives a clock tick to its screen, if still open, and
// nothing else: no screen opens, no status changes, no record changed.
func (a App) deliverTick(msg RoutedMsg) (App, tea.Cmd) {
	i := a.Find(msg.To)
	if i < 0 {
		return a, nil // a closed screen's clock
	}
	var c tea.Cmd
	a.Stack[i].S, c = a.Stack[i].S.Update(msg.Msg)
	return a, addressedTo(a.Stack[i].address(), c)
}

func isClockTick(msg tea.Msg) bool {
	r, ok := msg.(RoutedMsg)
	if !ok {
		return false
	}
	_, ok = r.Msg.(common.ClockTick)
	return ok
}

// setSummary keeps a read of the summary and hands it to the screens
// showing it.
func (a App) setSummary(msg common.NotebookLoadedMsg) (App, tea.Cmd) {
	a.summaryAnswered = true
	if msg.Err != nil {
		return a.setStatus(common.StatusMsg{Text: common.PlainError(msg.Err), Err: true})
	}
	a.summary, a.summaryLoaded = msg.Notebook, true
	a.c.Hours.Choose(msg.Notebook.Settings.Hours)
	return a, a.tell(func(w common.Watcher) bool { return w[common.ShownSummary] }, msg)
}

// Started reports whether the first screen has what it shows: the first
// read of the summary has answered, with the notebook or an error.
func (a App) Started() bool { return a.summaryAnswered }

// prepareList builds the contact list from the summary of read gen, in a
// command started once that summary is on screen, so the list opens
// without building anything.
func (a App) prepareList(gen int) tea.Cmd {
	if a.summary.List != nil {
		return nil
	}
	nb := a.summary
	return addressed(rootID, func() tea.Msg {
		return listPreparedMsg{gen, common.BuildContactList(nb, nil, model.SortByName)}
	})
}

// announce tells the screens that show a changed kind of record, and reads
// the shared summary again, once, if the change moves it.
func (a *App) announce(changes []common.NotebookChangedMsg) tea.Cmd {
	var cmds []tea.Cmd
	summary := false
	for _, ch := range changes {
		summary = summary || ch.MovesSummary()
		cmds = append(cmds, a.tell(func(w common.Watcher) bool { return w[ch.Kind] }, ch))
		// An autosave does not re-read the summary (it comes every half
		// second while notes are typed) but may change what it shows: a
		// wrap-up's referrals, its thank-you date.
		a.staleUpTo = a.summaryGen
	}
	if !summary && len(changes) > 0 && a.Top().Watches()[common.ShownSummary] {
		// It landed while the summary is on screen: a screen's last save as
		// it closed (an interview marked not held, say). Re-timing the
		// summary held would show what that save changed as it was.
		summary = true
	}
	if summary {
		a.summaryGen++
		cmds = append(cmds, a.reloadSummary(a.summaryGen))
	}
	return tea.Batch(cmds...)
}

// tell delivers msg to every screen whose watcher matches.
func (a *App) tell(match func(common.Watcher) bool, msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, e := range a.Stack {
		if !match(e.S.Watches()) {
			continue
		}
		var c tea.Cmd
		a.Stack[i].S, c = e.S.Update(msg)
		cmds = append(cmds, addressedTo(e.address(), c))
	}
	return tea.Batch(cmds...)
}

// leaveStatusBehind clears a passing message a screen gave once another
// screen is on top: it spoke of the screen left. An error stays until
// replaced, and so does a message of the root's own (what was taken in at
// start) until it fades.
func (a *App) leaveStatusBehind() {
	if !a.status.Err && a.statusBy != rootID && a.statusBy != a.Stack[len(a.Stack)-1].id {
		a.status = common.StatusMsg{}
		a.statusGen++
	}
}

func (a App) setStatus(msg common.StatusMsg) (App, tea.Cmd) {
	a.status, a.errorFrom = msg, nil
	a.statusGen++
	a.resize() // a long message takes more lines
	if msg.Err {
		return a, nil
	}
	gen := a.statusGen
	return a, a.c.After(statusTTL, func(time.Time) tea.Msg { return statusExpiredMsg{gen} })
}

// resize gives every screen the room left by the footer.
func (a *App) resize() {
	if !a.sized {
		return
	}
	h := max(a.height-lipgloss.Height(a.footer()), 1)
	for i, e := range a.Stack {
		a.Stack[i].S = e.S.SetSize(a.width, h)
	}
}

// View draws the top screen above the footer, clipped to the window.
func (a App) View() (out string) {
	defer func() {
		if r := recover(); r != nil {
			a.viewCrash.set(newCrash("View", r))
			out = ViewPanicText
		}
	}()
	if !a.sized {
		return "loading…"
	}
	if a.width < 1 || a.height < 1 {
		return ""
	}
	if a.frame.valid {
		return a.frame.out
	}
	if !a.frame.footerValid {
		footer := a.footer()
		fh := lipgloss.Height(footer)
		a.frame.footer, a.frame.footerHeight = common.Fit(footer, a.width, min(fh, a.height)), fh
		// Set only after drawing it: a footer that panicked is not kept.
		a.frame.footerValid = true
	}
	if fh := a.frame.footerHeight; fh >= a.height {
		out = a.frame.footer
	} else {
		out = a.frame.screen.Fit(a.topView(a.height-fh), a.width, a.height-fh) + "\n" + a.frame.footer
	}
	// Kept only once drawn whole: a View that panicked never gets here.
	a.frame.out, a.frame.valid = out, true
	return out
}

// topView is the top screen, or an overlay drawn over the screen below it.
func (a App) topView(h int) string {
	ov, ok := a.Top().(common.Overlay)
	if !ok || len(a.Stack) < 2 {
		return a.Top().View()
	}
	below := a.Stack[len(a.Stack)-2].S
	return common.PlaceOver(below.View(), ov.OverlayBox(a.width, h), a.width, h)
}

// Flush writes what screens hold unsaved. It runs after the program has
// stopped, whatever stopped it.
func (a App) Flush(s *store.Store) error {
	var errs []string
	for _, e := range a.Stack {
		if err := e.S.Flush(s); err != nil {
			errs = append(errs, err.Error())
		}
	}
	// Screens first: an interview still open writes its newest text, and
	// the kept failed saves of closed ones after.
	errs = append(errs, a.flushKept(s)...)
	if len(errs) > 0 {
		return fmt.Errorf("could not save your last changes: %s", strings.Join(errs, "; "))
	}
	return nil
}

// ViewPanicText opens what View draws instead of a screen that panicked.
const ViewPanicText = "Parley hit an internal error"

// Crashed is the internal error that stopped the program, or nil.
func (a App) Crashed() *Crash {
	if a.crashed != nil {
		return a.crashed
	}
	return a.viewCrash.get()
}

// OnViewCrash sets what to do when View panics: View cannot change the
// model, so the runner sends ViewCrashedMsg and Update quits.
func (a App) OnViewCrash(wake func()) { a.viewCrash.setWake(wake) }
