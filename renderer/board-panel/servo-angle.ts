/**
 * A hobby servo (SG90-style) on a PWM pin: its horn follows the pulse width, 0.5 ms
 * for 0° to 2.5 ms for 180°, at the usual 50 Hz. Outside that range it stops at the
 * end; with no pulses (no PWM, or far from servo frequencies) it holds where it was.
 */
const MIN_PULSE_US = 500;
const MAX_PULSE_US = 2500;
/** Servos accept frame rates from about 40 to 400 Hz; a 5 kHz PWM is not a servo signal. */
const MIN_FREQ = 20;
const MAX_FREQ = 500;

/** The angle in degrees for a PWM setting, or null when it is no servo signal. */
export function servoAngle(pwm: { freq: number; duty: number } | undefined): number | null {
  if (!pwm || pwm.freq < MIN_FREQ || pwm.freq > MAX_FREQ || pwm.duty === 0) return null;
  const pulseUs = (pwm.duty / 65535) * (1e6 / pwm.freq);
  const fraction = (pulseUs - MIN_PULSE_US) / (MAX_PULSE_US - MIN_PULSE_US);
  return Math.round(Math.max(0, Math.min(1, fraction)) * 1800) / 10;
}
