-- Claim lines are numbered from 0, as the error paths of a submission name them (lines[0]): the answers and the
-- errors count from the same origin. In two steps, so that no two lines of a claim share a number on the way.
update claim_line set line_no = -line_no - 1;
update claim_line set line_no = -line_no - 2;
