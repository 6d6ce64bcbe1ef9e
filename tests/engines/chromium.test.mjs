// The learner's journeys in chromium (see journeys.mjs).
import { journeys } from './journeys.mjs';

journeys('chromium');
