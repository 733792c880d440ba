package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	// Time zones are user input; embed the database so a minimal container knows them all.
	_ "time/tzdata"
)

// ParseAt reads a time of day, "HH:MM" or "H:MM" on a 24-hour clock, and returns it in the
// canonical "HH:MM" form.
func ParseAt(s string) (string, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(h) < 1 || len(h) > 2 || len(m) != 2 ||
		hour < 0 || hour > 23 || minute < 0 || minute > 59 || strings.ContainsAny(h+m, "+-") {
		return "", fmt.Errorf("%q is not a time of day: use 24-hour HH:MM, like 09:00 or 17:30", s)
	}
	return fmt.Sprintf("%02d:%02d", hour, minute), nil
}

// LoadZone returns the IANA time zone named name. It refuses "Local", which would mean
// whatever zone the server happens to run in, and the empty name.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q is not a time zone: use an IANA name, like America/New_York or Europe/Berlin", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not a time zone: use an IANA name, like America/New_York or Europe/Berlin", name)
	}
	return loc, nil
}

// Validate reports whether s can be scheduled: a channel, a canonical time and a known zone.
func (s Subscription) Validate() error {
	if s.ChannelID == "" {
		return fmt.Errorf("subscription has no channel")
	}
	if at, err := ParseAt(s.At); err != nil {
		return err
	} else if at != s.At {
		return fmt.Errorf("subscription time %q is not in HH:MM form", s.At)
	}
	_, err := LoadZone(s.Zone)
	return err
}

// Due reports whether the digest of s is due at now, and for which local date. It is due
// when now has reached the subscription's time on now's local date, and that time is not
// before the subscription was created: a channel that subscribes at 15:00 for 09:00 gets
// its first digest tomorrow. Only today's date is ever due, so a sweeper that was down for
// days posts one digest, not one per missed day.
//
// On the day clocks spring forward a time that does not exist, such as 02:30 in New York,
// is due as many minutes after the gap (03:30 EDT); on the day they fall back a time that happens twice is due at the
// first. Either way it is due once that date, since the ledger is keyed by the date.
func (s Subscription) Due(now time.Time) (date string, due bool, err error) {
	loc, err := LoadZone(s.Zone)
	if err != nil {
		return "", false, err
	}
	local := now.In(loc)
	when, err := s.scheduled(local.Year(), local.Month(), local.Day(), loc)
	if err != nil {
		return "", false, err
	}
	date = local.Format(time.DateOnly)
	return date, !now.Before(when) && !when.Before(s.CreatedAt), nil
}

// Next returns when the digest of s is next scheduled after now: today's time if it is
// still ahead and not before the subscription was created, else tomorrow's.
func (s Subscription) Next(now time.Time) (time.Time, error) {
	loc, err := LoadZone(s.Zone)
	if err != nil {
		return time.Time{}, err
	}
	local := now.In(loc)
	for day := 0; day < 3; day++ {
		noon := time.Date(local.Year(), local.Month(), local.Day()+day, 12, 0, 0, 0, loc)
		when, err := s.scheduled(noon.Year(), noon.Month(), noon.Day(), loc)
		if err != nil {
			return time.Time{}, err
		}
		if when.After(now) && !when.Before(s.CreatedAt) {
			return when, nil
		}
	}
	return time.Time{}, fmt.Errorf("no next digest time for %s %s", s.At, s.Zone)
}

func (s Subscription) scheduled(year int, month time.Month, day int, loc *time.Location) (time.Time, error) {
	at, err := ParseAt(s.At)
	if err != nil {
		return time.Time{}, err
	}
	hour, _ := strconv.Atoi(at[:2])
	minute, _ := strconv.Atoi(at[3:])
	when := time.Date(year, month, day, hour, minute, 0, 0, loc)
	// A time in a spring-forward gap comes back from time.Date on the early side of the gap
	// (02:30 in New York as 01:30 EST). Move it past the gap, to 03:30 EDT, so a digest
	// is never early.
	if got := when.Hour()*60 + when.Minute(); when.Day() == day && got < hour*60+minute {
		when = when.Add(time.Duration(hour*60+minute-got) * time.Minute)
	}
	return when, nil
}
