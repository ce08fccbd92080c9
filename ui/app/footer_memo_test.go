package app

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// The help line is drawn again when its keys, their state or the width
// change, and reused when nothing did.
func TestHelpLineFollowsItsKeys(t *testing.T) {
	a := App{help: &helpLine{model: help.New()}, width: 80}
	save := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save"))
	edit := key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit"))
	if v := a.shortHelpView([]key.Binding{save, edit}); !strings.Contains(v, "save") || !strings.Contains(v, "edit") {
		t.Fatalf("help line %q", v)
	}
	edit.SetEnabled(false)
	if v := a.shortHelpView([]key.Binding{save, edit}); strings.Contains(v, "edit") {
		t.Errorf("a disabled key is still listed: %q", v)
	}
	save.SetHelp("ctrl+s", "keep")
	if v := a.shortHelpView([]key.Binding{save, edit}); !strings.Contains(v, "keep") {
		t.Errorf("a key's new help is not shown: %q", v)
	}
	a.width = 6
	if v := a.shortHelpView([]key.Binding{save, edit}); strings.Contains(v, "keep") {
		t.Errorf("the line drawn for 80 columns was reused at 6: %q", v)
	}
}
