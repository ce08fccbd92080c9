package app

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"parley/store"
	"parley/ui/common"
	"parley/ui/safetext"
)

// backupDoneMsg is the daily backup's result.
type backupDoneMsg struct{ err error }

// dailyBackup keeps today's copy of the notebook (store.RollingBackup).
// The root runs it after the first read of the summary, so the first
// screen never waits for a copy of the whole file (a quarter of a second
// at 10,000 contacts, more than a second at 50,000).
func (a App) dailyBackup() tea.Cmd {
	s, now := a.c.Store, a.c.Now
	return addressed(rootID, func() tea.Msg {
		_, err := s.RollingBackup(now())
		return backupDoneMsg{err: err}
	})
}

// backupDone says in the status line that today's copy could not be made.
// One stopped by the quit is no failure: it is made at the next open.
func (a App) backupDone(msg backupDoneMsg) (App, tea.Cmd) {
	if msg.err == nil || errors.Is(msg.err, store.ErrBackupStopped) {
		return a, nil
	}
	why := strings.TrimPrefix(msg.err.Error(), "daily backup: ")
	return a.setStatus(common.StatusMsg{Err: true,
		Text: safetext.Line("Today's backup could not be made (" + why + "). The notebook itself is fine.")})
}
