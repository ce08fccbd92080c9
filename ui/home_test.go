package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestHomeEnterGoesWhereToAct(t *testing.T) {
	a := sizedApp(t, 80, 24, fixtureNotebook())
	a = appSend(t, a, tea.KeyMsg{Type: tea.KeyDown})
	a = appSend(t, a, tea.KeyMsg{Type: tea.KeyDown}) // the overdue thank-you
	a = appSend(t, a, tea.KeyMsg{Type: tea.KeyEnter})
	if _, ok := a.top().(logForm); !ok || len(a.stack) != 3 {
		t.Fatalf("enter on a thank-you due opens %T over %d screens", a.top(), len(a.stack))
	}
	if !strings.Contains(a.View(), "thank-you") || !strings.Contains(a.View(), "Grace Nguyen") {
		t.Error("the log form is not set for Grace's thank-you")
	}
}
