package model

import (
	"testing"
	"time"
)

// The budget and the scheduled length are one promise; a copy of the
// interview taken before (one being saved) keeps the length it had.
func TestSetBudgetChangesTheScheduledLength(t *testing.T) {
	iv := Interview{Budget: 20 * time.Minute}
	iv.SetBudget(2 * time.Minute)
	if iv.Budget != 2*time.Minute || iv.Scheduled != nil {
		t.Errorf("unscheduled: budget %v, schedule %+v", iv.Budget, iv.Scheduled)
	}
	iv.ApplySchedule(Schedule{Length: 20 * time.Minute})
	before := iv
	iv.SetBudget(30 * time.Minute)
	if iv.Budget != 30*time.Minute || iv.Scheduled.Length != 30*time.Minute {
		t.Errorf("scheduled: budget %v, length %v", iv.Budget, iv.Scheduled.Length)
	}
	if before.Scheduled.Length != 20*time.Minute {
		t.Errorf("the copy taken before changed: length %v", before.Scheduled.Length)
	}
}
