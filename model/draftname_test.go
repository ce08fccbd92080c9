package model

import (
	"testing"
	"time"
)

func TestDraftFileName(t *testing.T) {
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	if got, want := DraftFileName("Ana Ruiz-Peña", "thank-you", at), "parley-ana-ruiz-peña-thank-you-2026-11-16.txt"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := DraftFileName(" ../ ", "", at), "parley-2026-11-16.txt"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
