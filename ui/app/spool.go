package app

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/store"
	"parley/ui/common"
	"parley/ui/safetext"
)

// While the interface runs it holds the notebook, so `parley add` leaves
// its contacts in the spool folder (store.SpoolContact). The root watches
// the folder (store.WatchSpool) and takes them in, from a command, when
// one arrives; a check every spoolSafetyPoll catches an arrival the watch
// missed. Where the folder cannot be watched, or the watch ends, it is
// checked every spoolInterval instead. One check runs at a time: one asked
// for meanwhile runs when it has answered.

// spoolInterval is how often the spool is checked without a watch: a
// contact added from another terminal shows within about this long (the
// promise is two seconds).
const spoolInterval = time.Second

// spoolSafetyPoll is how often the spool is checked while it is watched.
// Every wakeup of an idle program costs CPU (about 0.3 ms here), so this
// is rare; it only matters if the watch missed an arrival.
const spoolSafetyPoll = 30 * time.Second

// spoolState is the root's side of the spool: how it learns of arrivals
// and whether a check is running.
type spoolState struct {
	// arrivals receives when the watch sees a change arrive; nil when
	// there is no watch and the timer is all there is.
	arrivals <-chan struct{}
	// tickGen tags the one check timer that counts, so a timer set before
	// the watch ended is dropped.
	tickGen int
	// draining is set while a check runs; again asks for another after it.
	draining, again bool
}

// spoolTickMsg says it is time to check the spool.
type spoolTickMsg struct{ gen int }

// spoolArrivedMsg says the watch saw a change arrive, or (open false) that
// the watch has ended.
type spoolArrivedMsg struct{ open bool }

// spoolDrainedMsg is what a check of the spool took in.
type spoolDrainedMsg struct {
	report store.DrainReport
	err    error
	// atOpen: the report is what store.Open took in before the interface
	// started; the summary read at start already shows it. arrivals is
	// the watch set up then, nil if it could not be.
	atOpen   bool
	arrivals <-chan struct{}
}

// backgroundMsg is a result of the root's own background work: the spool
// and the daily backup. None is addressed to a screen.
type backgroundMsg interface{ background() }

func (spoolTickMsg) background()    {}
func (spoolArrivedMsg) background() {}
func (spoolDrainedMsg) background() {}
func (backupDoneMsg) background()   {}

// onBackground handles the root's background work.
func (a App) onBackground(msg backgroundMsg) (App, tea.Cmd) {
	switch msg := msg.(type) {
	case spoolTickMsg:
		if msg.gen != a.spool.tickGen {
			return a, nil // set before the watch ended; its successor counts
		}
		cmd := tea.Batch(a.nextSpoolCheck(), a.checkSpool())
		return a, cmd
	case spoolArrivedMsg:
		if !msg.open {
			// The watch has ended (the folder was removed or moved):
			// check on the timer from now on, and look once now.
			a.spool.arrivals = nil
			cmd := tea.Batch(a.nextSpoolCheck(), a.checkSpool())
			return a, cmd
		}
		cmd := tea.Batch(a.awaitArrival(), a.checkSpool())
		return a, cmd
	case spoolDrainedMsg:
		return a.spoolDrained(msg)
	case backupDoneMsg:
		return a.backupDone(msg)
	}
	return a, nil
}

// watchSpool sets up the watch of the spool and reports what the
// notebook's open took from it; its answer starts the checks.
func (a App) watchSpool() tea.Cmd {
	s := a.c.Store
	return addressed(rootID, func() tea.Msg {
		// A watch that cannot be set leaves the timer: said nowhere, since
		// contacts still come in on time (a folder that cannot be made is
		// said by the checks).
		arrivals, _ := s.WatchSpool()
		return spoolDrainedMsg{report: s.DrainedAtOpen(), atOpen: true, arrivals: arrivals}
	})
}

// awaitArrival waits for the watch's next signal.
func (a App) awaitArrival() tea.Cmd {
	await := a.c.Await
	if await == nil {
		await = func(ch <-chan struct{}, fn func(bool) tea.Msg) tea.Cmd {
			return func() tea.Msg {
				_, open := <-ch
				return fn(open)
			}
		}
	}
	return addressed(rootID, await(a.spool.arrivals, func(open bool) tea.Msg { return spoolArrivedMsg{open: open} }))
}

// nextSpoolCheck sets the check timer: rare with a watch, every
// spoolInterval without one. Any timer set before is dropped when it fires.
func (a *App) nextSpoolCheck() tea.Cmd {
	a.spool.tickGen++
	gen, every := a.spool.tickGen, spoolInterval
	if a.spool.arrivals != nil {
		every = spoolSafetyPoll
	}
	return addressed(rootID, a.c.After(every, func(time.Time) tea.Msg { return spoolTickMsg{gen: gen} }))
}

// checkSpool takes in what waits in the spool, unless a check is running:
// then it runs again once that one answers.
func (a *App) checkSpool() tea.Cmd {
	if a.spool.draining {
		a.spool.again = true
		return nil
	}
	a.spool.draining = true
	s := a.c.Store
	return addressed(rootID, func() tea.Msg {
		report, err := s.DrainSpool()
		return spoolDrainedMsg{report: report, err: err}
	})
}

// spoolDrained says what came in, has the screens showing contacts read
// them again, and runs the check asked for meanwhile. The answer at open
// starts the watch and the timer, and looks once more: a change left
// between the open and the watch gave no signal.
func (a App) spoolDrained(msg spoolDrainedMsg) (App, tea.Cmd) {
	var cmds []tea.Cmd
	if msg.atOpen {
		a.spool.arrivals = msg.arrivals
		cmds = append(cmds, a.nextSpoolCheck())
		if a.spool.arrivals != nil {
			cmds = append(cmds, a.awaitArrival(), a.checkSpool())
		}
	} else {
		a.spool.draining = false
		if a.spool.again {
			a.spool.again = false
			cmds = append(cmds, a.checkSpool())
		}
	}
	if len(msg.report.Added) > 0 && !msg.atOpen {
		var changes []common.NotebookChangedMsg
		for _, c := range msg.report.Added {
			c := c
			changes = append(changes, common.NotebookChangedMsg{Kind: common.ChangedContact, ContactID: c.ID, Contact: &c})
		}
		cmds = append(cmds, a.announce(changes))
	}
	var status tea.Cmd
	switch text := spoolStatus(msg); {
	case text == "":
		// Nothing to say; an earlier problem's line stays until replaced.
	case msg.err != nil || len(msg.report.Rejected) > 0:
		if a.status.Err && a.status.Text == text {
			break // the same problem, checked again: say it once
		}
		a, status = a.setStatus(common.StatusMsg{Text: text, Err: true})
	default:
		a, status = a.setStatus(common.StatusMsg{Text: text})
	}
	return a, tea.Batch(append(cmds, status)...)
}

// spoolStatus words what a check of the spool found for the status line.
func spoolStatus(msg spoolDrainedMsg) string {
	var parts []string
	if added := msg.report.Added; len(added) > 0 {
		names := added[0].Name
		if len(added) > 1 {
			names += fmt.Sprintf(" and %d %s", len(added)-1, common.Plural(len(added)-1, "other", "others"))
		}
		parts = append(parts, fmt.Sprintf("Added %s from the command line.", names))
	}
	if rej := msg.report.Rejected; len(rej) > 0 {
		line := fmt.Sprintf("Could not take in %d %s from the command line, set aside as .rejected: %s",
			len(rej), common.Plural(len(rej), "change", "changes"), rej[0])
		if len(rej) > 1 {
			line += fmt.Sprintf(" (and %d more)", len(rej)-1)
		}
		parts = append(parts, line+".")
	}
	if msg.err != nil {
		parts = append(parts, "Could not take in changes from the command line: "+msg.err.Error()+".")
	}
	// Names and file names are anyone's text.
	return safetext.Line(strings.Join(parts, " "))
}

// IsSpoolTick tells tests which pending timer is the spool check.
func IsSpoolTick(msg tea.Msg) bool {
	_, ok := msg.(spoolTickMsg)
	return ok
}

// SpoolCheckEvery is how often the spool check the app has set (see
// IsSpoolTick) comes: with the watch, spoolSafetyPoll; without it,
// spoolInterval.
func SpoolCheckEvery(watched bool) time.Duration {
	if watched {
		return spoolSafetyPoll
	}
	return spoolInterval
}

// lastFrame is what View drew last, and whether it still stands.
type lastFrame struct {
	out   string
	valid bool
	// screen fits the screen's lines to the window; most are the same
	// from one frame to the next.
	screen common.FitKeeper
	// footer is the status and help lines as last drawn, and how many
	// lines they took before fitting; kept through clock ticks, which
	// change neither (common.ClockTick).
	footer       string
	footerHeight int
	footerValid  bool
}

// quiet reports whether msg changes nothing on screen: a spool check or
// arrival that found nothing to take in and nothing to say, a backup that
// went well. Every other message may.
func quiet(msg tea.Msg) bool {
	if r, ok := msg.(RoutedMsg); ok && r.To == rootID {
		msg = r.Msg
	}
	switch m := msg.(type) {
	case spoolTickMsg, spoolArrivedMsg:
		return true
	case backupDoneMsg:
		return m.err == nil
	case spoolDrainedMsg:
		return m.err == nil && len(m.report.Added) == 0 && len(m.report.Rejected) == 0
	}
	return false
}
