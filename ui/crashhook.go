package ui

import (
	"parley/ui/common"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// injectPanic, when set, makes Run open a screen that panics in "update",
// "view" or "command", so tests can crash the real program. It is set by
// tests in this package, or at build time for a test binary:
//
//	go build -ldflags "-X parley/ui.injectPanic=command"
var injectPanic string

// panicRequestMsg asks the root for the panicking screen; panicNowMsg is
// what its Update panics on.
type (
	panicRequestMsg struct{}
	panicNowMsg     struct{}
)

func openPanicking(_ *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(panicRequestMsg); ok {
		return panicking{where: injectPanic}, true
	}
	return nil, false
}

// panicking is a screen with a bug where injectPanic says.
type panicking struct {
	common.NothingToSave
	where string
}

func (p panicking) Load() tea.Cmd {
	if p.where == "command" {
		return func() tea.Msg { panic("injected panic in a command") }
	}
	// Something for Update to be given.
	return func() tea.Msg { return panicNowMsg{} }
}

func (p panicking) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if _, ok := msg.(panicNowMsg); ok && p.where == "update" {
		panic("injected panic in Update")
	}
	return p, nil
}

func (p panicking) View() string {
	if p.where == "view" {
		panic("injected panic in View")
	}
	return ""
}

func (p panicking) Watches() common.Watcher        { return common.Watching() }
func (p panicking) SetSize(int, int) common.Screen { return p }
func (p panicking) Help() help.KeyMap              { return common.KeyMap{} }
func (p panicking) Capturing() bool                { return false }
