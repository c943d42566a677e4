// Public applicant pages at /track.
import { TrackPage } from './components/TrackPage';

export default TrackPage;
