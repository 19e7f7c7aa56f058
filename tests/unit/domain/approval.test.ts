import { approvalKey, approvalSummary, choosePending, inScope } from '../../../lambda/src/domain/approval';
import type { PendingApproval } from '../../../lambda/src/domain/release';
import { execution } from '../../support/fake-release-ports';

const at = (iso: string) => new Date(iso);
const approval = (stage: string, action: string, token: string, since?: Date, executionId?: string): PendingApproval => ({ stage, action, token, since, executionId });

describe('approvals', () => {
  describe('inScope', () => {
    it('lets no approval through when the config does not opt in', () => {
      expect(inScope(undefined, approval('Approve', 'Manual', 't'))).toBe(false);
    });

    it('lets every approval through for `true`, and only the named stage and action otherwise', () => {
      expect(inScope({}, approval('Approve', 'Manual', 't'))).toBe(true);
      expect(inScope({ stage: 'Approve', action: 'Manual' }, approval('Approve', 'Manual', 't'))).toBe(true);
      expect(inScope({ stage: 'Approve', action: 'Manual' }, approval('Approve', 'Other', 't'))).toBe(false);
      expect(inScope({ stage: 'Approve', action: 'Manual' }, approval('QA', 'Manual', 't'))).toBe(false);
    });
  });

  describe('choosePending', () => {
    it('chooses the approval that has waited longest, with the execution it holds', () => {
      // Prepare
      const pending = [
        approval('Prod', 'Manual', 'newer', at('2026-11-26T12:00:00Z'), 'e-2'),
        approval('QA', 'Manual', 'older', at('2026-11-26T10:00:00Z'), 'e-1'),
      ];
      const executions = [execution('e-2', 'InProgress', 10), execution('e-1', 'InProgress', 200)];

      // Act
      const plan = choosePending({}, pending, executions);

      // Assess
      expect(plan).toEqual({ kind: 'pending', key: approvalKey({ token: 'older' }), approval: pending[1], release: executions[1] });
    });

    it('finds nothing when no approval waits in scope', () => {
      expect(choosePending({ stage: 'Prod', action: 'Manual' }, [approval('QA', 'Manual', 't')], [])).toEqual({ kind: 'none' });
      expect(choosePending({}, [], [])).toEqual({ kind: 'none' });
    });
  });

  describe('approvalKey', () => {
    it('tells two requests apart without holding the token', () => {
      const key = approvalKey({ token: '1c7a9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d' });

      expect(key).toMatch(/^approval:[0-9a-f]{32}$/);
      expect(key).not.toContain('1c7a9e2b');
      expect(approvalKey({ token: '1c7a9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d' })).toBe(key);
      expect(approvalKey({ token: '2d8b0f3c-4e5a-4b6c-9d7e-8f9a0b1c2d3e' })).not.toBe(key);
    });
  });

  describe('approvalSummary', () => {
    it('says how and for whom, within the 512 characters CodePipeline takes', () => {
      expect(approvalSummary('Approved', 'Dana')).toBe('Approved by voice through push-to-prod, for Dana');
      expect(approvalSummary('Rejected', undefined)).toBe("Rejected by voice through push-to-prod, for a person on the skill's allowlist");
      expect(approvalSummary('Approved', 'x'.repeat(600))).toHaveLength(512);
    });
  });
});
