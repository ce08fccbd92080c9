package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/store"
	"parley/ui/uitest"
)

// The day's backup is made once the first summary is read, from a command:
// the first screen does not wait for it.
func TestDailyBackupMadeAfterTheFirstScreen(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	uitest.NewDriver(t, c, 80, 24)
	name := filepath.Join(store.BackupFolder(s.Path()), "parley-"+clk.Now().Format("2006-01-02")+".db")
	if info, err := os.Stat(name); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("today's backup: %v, %v; want a file 0600", info, err)
	}
}

// A backup that cannot be made is said in the status line, in plain words;
// the interface goes on.
func TestDailyBackupFailureIsSaid(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	if err := os.WriteFile(store.BackupFolder(s.Path()), []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 100, 24)
	v := d.View()
	if !strings.Contains(v, "Today's backup could not be made") || !strings.Contains(v, "The notebook itself is fine.") {
		t.Fatalf("the failed backup is not said:\n%s", v)
	}
}
