package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/store"
)

func sizedApp(t *testing.T, w, h int, nb notebook) App {
	// Screens read the notebook as they open; an empty one answers those
	// reads, and their results are dropped: the fixture is the truth.
	s, err := store.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := fixtureCommon()
	c.store = s
	a := newApp(c)
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
