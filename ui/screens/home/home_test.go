package home

import (
	"parley/ui/screens/logform"
	"parley/ui/uitest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestHomeEnterGoesWhereToAct(t *testing.T) {
	a := uitest.SizedApp(t, 80, 24, uitest.FixtureNotebook())
	a = uitest.AppSend(t, a, tea.KeyMsg{Type: tea.KeyDown})
	a = uitest.AppSend(t, a, tea.KeyMsg{Type: tea.KeyDown}) // the overdue thank-you
	a = uitest.AppSend(t, a, tea.KeyMsg{Type: tea.KeyEnter})
	if _, ok := a.Top().(logform.LogForm); !ok || len(a.Stack) != 3 {
		t.Fatalf("enter on a thank-you due opens %T over %d screens", a.Top(), len(a.Stack))
	}
	if !strings.Contains(a.View(), "thank-you") || !strings.Contains(a.View(), "Grace Nguyen") {
		t.Error("the log form is not set for Grace's thank-you")
	}
}
