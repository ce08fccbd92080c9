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
// its contacts in the spool folder (store.SpoolContact). The root takes
// them in every spoolInterval, from a command, and says what came in; the
// next check is set only when the last one has answered, so two never run
// at once.

// spoolInterval is how often the spool is checked: a contact added from
// another terminal shows within about this long (the promise is two
// seconds).
const spoolInterval = time.Second

// spoolTickMsg says it is time to check the spool.
type spoolTickMsg struct{}

// spoolDrainedMsg is what a check of the spool took in.
type spoolDrainedMsg struct {
	report store.DrainReport
	err    error
	// atOpen: the report is what store.Open took in before the interface
	// started; the summary read at start already shows it.
	atOpen bool
}

// watchSpool reports what the notebook's open took from the spool; its
// answer starts the checks.
func (a App) watchSpool() tea.Cmd {
	s := a.c.Store
	return addressed(rootID, func() tea.Msg {
		return spoolDrainedMsg{report: s.DrainedAtOpen(), atOpen: true}
	})
}

func (a App) drainSpool() tea.Cmd {
	s := a.c.Store
	return addressed(rootID, func() tea.Msg {
		report, err := s.DrainSpool()
		return spoolDrainedMsg{report: report, err: err}
	})
}

// spoolDrained says what came in, has the screens showing contacts read
// them again, and sets the next check.
func (a App) spoolDrained(msg spoolDrainedMsg) (App, tea.Cmd) {
	next := addressed(rootID, a.c.After(spoolInterval, func(time.Time) tea.Msg { return spoolTickMsg{} }))
	cmds := []tea.Cmd{next}
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

// lastFrame is what View drew last, and whether it still stands.
type lastFrame struct {
	out   string
	valid bool
}

// quiet reports whether msg changes nothing on screen: a spool check that
// found nothing to take in and nothing to say. Every other message may.
func quiet(msg tea.Msg) bool {
	if r, ok := msg.(RoutedMsg); ok && r.To == rootID {
		msg = r.Msg
	}
	switch m := msg.(type) {
	case spoolTickMsg:
		return true
	case spoolDrainedMsg:
		return m.err == nil && len(m.report.Added) == 0 && len(m.report.Rejected) == 0
	}
	return false
}
