package questions

import (
	"strings"
	"testing"
)

func TestStarterIsOpenEnded(t *testing.T) {
	qs := Starter()
	if len(qs) < 5 {
		t.Fatalf("only %d starter questions", len(qs))
	}
	seen := map[string]bool{}
	for _, q := range qs {
		if !strings.HasSuffix(q, "?") {
			t.Errorf("%q is not a question", q)
		}
		for _, closed := range []string{"Do ", "Is ", "Are ", "Can "} {
			if strings.HasPrefix(q, closed) {
				t.Errorf("%q reads as yes/no", q)
			}
		}
		if seen[q] {
			t.Errorf("%q twice", q)
		}
		seen[q] = true
	}
}
