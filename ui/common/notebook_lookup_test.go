package common

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/model"
)

func TestNotebookFindsContactsByIDWithGaps(t *testing.T) {
	nb := Notebook{Contacts: []model.Contact{{ID: 1, Name: "a"}, {ID: 2, Name: "b"}, {ID: 4, Name: "d"}, {ID: 7, Name: "g"}}}
	for id, want := range map[uint64]string{1: "a", 2: "b", 4: "d", 7: "g"} {
		if name, ok := nb.Name(id); !ok || name != want {
			t.Errorf("Name(%d) = %q, %v; want %q", id, name, ok, want)
		}
		if c, ok := nb.Contact(id); !ok || c.Name != want {
			t.Errorf("Contact(%d) = %q, %v; want %q", id, c.Name, ok, want)
		}
	}
	for _, id := range []uint64{0, 3, 5, 8, 1 << 63} {
		if _, ok := nb.Name(id); ok {
			t.Errorf("Name(%d) found a contact the notebook does not have", id)
		}
	}
}

// CellWidth counts plain ASCII itself and leaves the rest to x/ansi, whose
// count of ambiguous letters such as "í" follows the machine's East Asian
// setting (RUNEWIDTH_EASTASIAN): the test holds on either.
func TestCellWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "Ana Ruiz": 8, "中文": 4, "\x1b[1mA\x1b[0m": 1} {
		if got := CellWidth(s); got != want {
			t.Errorf("CellWidth(%q) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{"García", "Zoë · Ní Bhriain", "\x1b[1mGarcía\x1b[0m"} {
		if got, want := CellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("CellWidth(%q) = %d, x/ansi says %d", s, got, want)
		}
	}
}
