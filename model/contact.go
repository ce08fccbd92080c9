package model

import (
	"strings"
	"time"
)

// CareerStage is where a contact is in their career; a good set of
// interviews spans all three.
type CareerStage string

// Career stages.
const (
	StageUnknown CareerStage = ""
	EarlyCareer  CareerStage = "early"
	MidCareer    CareerStage = "mid-career"
	Senior       CareerStage = "senior"
)

// Contact is a person the user may ask for, or has had, an informational
// interview with.
type Contact struct {
	ID           uint64      `json:"id"`
	Name         string      `json:"name"`
	Role         string      `json:"role,omitempty"`
	Organisation string      `json:"organisation,omitempty"`
	Field        string      `json:"field,omitempty"`
	CareerStage  CareerStage `json:"career_stage,omitempty"`
	Email        string      `json:"email,omitempty"`
	Phone        string      `json:"phone,omitempty"`
	ProfileURL   string      `json:"profile_url,omitempty"`
	Location     string      `json:"location,omitempty"`
	// FoundVia says how the user came across this person.
	FoundVia string `json:"found_via,omitempty"`
	// ReferredBy is the ID of the contact who gave the user this name, or 0.
	ReferredBy uint64   `json:"referred_by,omitempty"`
	Tags       []string `json:"tags,omitempty"`
	// Notes are the user's own notes and research about the person.
	Notes string `json:"notes,omitempty"`
	// Stage is where the contact stands in the user's pipeline.
	Stage Stage `json:"stage,omitempty"`
	// MayMentionName records whether the contact allowed the user to use
	// their name with the people they referred.
	MayMentionName bool `json:"may_mention_name,omitempty"`
	// MayContactAgain records whether the contact is happy to hear again.
	MayContactAgain bool      `json:"may_contact_again,omitempty"`
	Created         time.Time `json:"created"`
	Updated         time.Time `json:"updated"`
}

// Stage is a contact's place in the pipeline from first finding them to
// keeping in touch.
type Stage string

// Pipeline stages, in order, then the two endings.
const (
	ToContact      Stage = "to contact"
	RequestSent    Stage = "request sent"
	Scheduled      Stage = "scheduled"
	Interviewed    Stage = "interviewed"
	Thanked        Stage = "thanked"
	KeepingInTouch Stage = "keeping in touch"
	Declined       Stage = "declined"
	NoReply        Stage = "no reply"
)

// Validate reports the first problem that keeps a contact from being saved,
// in words fit to show the user, or "" when there is none.
func (c Contact) Validate() string {
	if strings.TrimSpace(c.Name) == "" {
		return "A contact needs a name."
	}
	return ""
}

// Subtitle is the contact's role and organisation joined for display, such
// as "Policy analyst, City Council".
func (c Contact) Subtitle() string {
	parts := make([]string, 0, 2)
	if r := strings.TrimSpace(c.Role); r != "" {
		parts = append(parts, r)
	}
	if o := strings.TrimSpace(c.Organisation); o != "" {
		parts = append(parts, o)
	}
	return strings.Join(parts, ", ")
}
