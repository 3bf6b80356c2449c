// Tests for this area are added by its owner.
