import { CalComCircuitOpenError } from '../errors/circuit-open-error';
import type { Clock } from './clock';

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * A per-client circuit breaker (D9): opens after `failureThreshold` consecutive transient failures, fails fast during
 * `cooldownMs`, then lets exactly one trial request through (half-open); its success closes the breaker, its failure
 * opens it again.
 */
export class CircuitBreaker {
  state: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly cooldownMs: number,
    private readonly clock: Clock,
  ) {}

  /** Admits a request or throws. Call once before each attempt. */
  admit(): boolean {
    if (this.state === 'closed') {
      return false;
    }
    const remaining = this.openedAt + this.cooldownMs - this.clock.now();
    if (this.state === 'open' && remaining > 0) {
      throw new CalComCircuitOpenError(remaining, this.failures);
    }
    if (this.trialInFlight) {
      throw new CalComCircuitOpenError(Math.max(remaining, 1000), this.failures);
    }
    this.state = 'half-open';
    this.trialInFlight = true;
    return true;
  }

  /** Records an attempt that reached a healthy server (success or 4xx); closes the breaker. */
  recordSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.state = 'closed';
  }

  /** Records a transient failure (5xx, timeout, network); may open the breaker. */
  recordFailure(): void {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.state === 'half-open' || this.failures >= this.failureThreshold) {
      this.state = 'open';
      this.openedAt = this.clock.now();
    }
  }

  /** Releases a trial slot whose attempt ended without an outcome (caller abort). */
  recordAbandoned(): void {
    if (this.trialInFlight) {
      this.trialInFlight = false;
    }
  }
}
