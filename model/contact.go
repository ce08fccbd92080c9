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
	ReferredBy uint64 `json:"referred_by,omitempty"`
	// ReferrerName keeps the referrer's name as text once they are deleted
	// from the notebook (ReferredBy is then 0), so who sent the user to
	// this person is not lost with them.
	ReferrerName string   `json:"referrer_name,omitempty"`
	Tags         []string `json:"tags,omitempty"`
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
// in words fit to show the user, or "" when there is none. It is the short
// form of FieldErrors for callers with one line to show, such as the store
// and the command line.
func (c Contact) Validate() string {
	errs := c.FieldErrors()
	for _, f := range contactFieldOrder {
		if msg, ok := errs[f]; ok {
			return msg
		}
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

// Field names used as keys by FieldErrors. They match the JSON names, so a
// form, the store and an export all speak of a field the same way.
const (
	FieldName        = "name"
	FieldEmail       = "email"
	FieldPhone       = "phone"
	FieldProfileURL  = "profile_url"
	FieldCareerStage = "career_stage"
	FieldStage       = "stage"
	FieldReferredBy  = "referred_by"
)

// contactFieldOrder is the order of fields on the contact form, so Validate
// reports the problem the user would reach first.
var contactFieldOrder = []string{
	FieldName, FieldEmail, FieldPhone, FieldProfileURL,
	FieldCareerStage, FieldStage, FieldReferredBy,
}

// FieldErrors checks every field at once and maps each field with a problem
// to a plain message, so a form can flag the field itself rather than show
// one error for the whole contact. Only the name is required; an empty
// optional field is never a problem. An empty map means the contact can be
// saved.
func (c Contact) FieldErrors() map[string]string {
	errs := map[string]string{}
	if strings.TrimSpace(c.Name) == "" {
		errs[FieldName] = "A contact needs a name."
	}
	if e := strings.TrimSpace(c.Email); e != "" && !IsEmail(e) {
		errs[FieldEmail] = "That doesn't look like an email address (like name@example.org)."
	}
	if p := strings.TrimSpace(c.Phone); p != "" && !IsPhone(p) {
		errs[FieldPhone] = "A phone number needs some digits."
	}
	if u := strings.TrimSpace(c.ProfileURL); u != "" && !IsWebAddress(u) {
		errs[FieldProfileURL] = "That doesn't look like a web address (like example.org/ana)."
	}
	switch c.CareerStage {
	case StageUnknown, EarlyCareer, MidCareer, Senior:
	default:
		errs[FieldCareerStage] = "Career stage is early, mid-career or senior."
	}
	if c.Stage != "" && !c.Stage.Valid() {
		errs[FieldStage] = "That is not a pipeline stage."
	}
	if c.ReferredBy != 0 && c.ReferredBy == c.ID {
		errs[FieldReferredBy] = "A contact cannot refer themselves."
	}
	return errs
}

// How the user found a contact. FoundVia holds one of these or the user's
// own words, so they are plain strings rather than a closed type.
const (
	FoundReferral      = "referral"
	FoundKnown         = "someone you know"
	FoundProfessor     = "professor"
	FoundAssociation   = "association or directory"
	FoundCareerCentre  = "career centre"
	FoundOnlineProfile = "online profile"
	FoundCold          = "cold contact"
)

// FoundViaSources lists the usual sources in the order a form offers them;
// the user may also type their own.
func FoundViaSources() []string {
	return []string{FoundReferral, FoundKnown, FoundProfessor, FoundAssociation,
		FoundCareerCentre, FoundOnlineProfile, FoundCold}
}
