package common

import (
	"testing"

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

func TestCellWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "Ana Ruiz": 8, "García": 6, "中文": 4, "\x1b[1mA\x1b[0m": 1} {
		if got := CellWidth(s); got != want {
			t.Errorf("CellWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
