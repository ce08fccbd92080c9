package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func sizedApp(t *testing.T, w, h int, nb notebook) App {
	a := newApp(testCommon())
	a = appSend(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	return appSend(t, a, notebookLoadedMsg{nb: nb})
}

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		a := sizedApp(t, w, h, fixtureNotebook())
		golden(t, fmt.Sprintf("home_%dx%d", w, h), a.View())
		a = appSend(t, a, keyRunes("c"))
		golden(t, fmt.Sprintf("list_%dx%d", w, h), a.View())
	}
	golden(t, "home_empty_80x24", sizedApp(t, 80, 24, notebook{}).View())
}
